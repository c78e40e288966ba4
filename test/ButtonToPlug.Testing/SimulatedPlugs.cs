using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ButtonToPlug.Testing;

/// <summary>
/// Simulated Kasa devices (the npm package tplink-smarthome-simulator, someone else's implementation of the plugs) running
/// in a `node test/simulator/serve.js` child process on 127.0.0.1 free ports. Their state is read from the simulator
/// itself, so a test never checks our client with our client.
/// </summary>
public sealed partial class SimulatedPlugs : IAsyncDisposable
{
    public const string Host = "127.0.0.1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(15);

    private readonly Process node;
    private readonly StringBuilder errors = new();
    private readonly SemaphoreSlim conversation = new(1, 1);

    private SimulatedPlugs(Process node)
    {
        this.node = node;
        node.ErrorDataReceived += (_, e) =>
        {
            lock (this.errors)
            {
                this.errors.AppendLine(e.Data);
            }
        };
        node.BeginErrorReadLine();
    }

    /// <summary>The started devices, in the order of the models given.</summary>
    public IReadOnlyList<Device> Devices { get; private set; } = [];

    /// <summary>Starts one simulated device per model (hs100, hs105, hs110, hs200, hs220, hs300; "hs110=Alias" sets the alias).</summary>
    public static async Task<SimulatedPlugs> StartAsync(params string[] models)
    {
        var simulator = SimulatorInstall.EnsureInstalled();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = simulator,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(simulator, "serve.js"));
        foreach (var model in models)
        {
            start.ArgumentList.Add(model);
        }

        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var plugs = new SimulatedPlugs(node);

        string? first;
        try
        {
            first = await node.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await plugs.DisposeAsync();
            throw new InvalidOperationException($"serve.js did not report its ports within {StartTimeout}: {plugs.Errors}");
        }

        if (first is null)
        {
            await node.WaitForExitAsync().WaitAsync(StartTimeout);
            var exit = new InvalidOperationException($"serve.js exited with {node.ExitCode}: {plugs.Errors}");
            await plugs.DisposeAsync();
            throw exit;
        }

        plugs.Devices = JsonNode.Parse(first)!["devices"]!.AsArray().Select(d => new Device(
            Model: d!["model"]!.GetValue<string>(),
            Port: d["port"]!.GetValue<int>(),
            DeviceId: d["deviceId"]!.GetValue<string>(),
            ChildIds: d["children"]!.AsArray().Select(c => c!.GetValue<string>()).ToList())).ToList();
        return plugs;
    }

    /// <summary>The relay state of a device and of each outlet, as the simulator holds it.</summary>
    public async Task<State> ReadStateAsync(int device)
    {
        var reply = await AskAsync(new JsonObject { ["op"] = "state", ["device"] = device });
        return new State(
            reply["on"]!.GetValue<bool>(),
            reply["children"]!.AsArray().Select(c => new Outlet(c!["id"]!.GetValue<string>(), c["alias"]!.GetValue<string>(), c["on"]!.GetValue<bool>())).ToList());
    }

    /// <summary>Puts a device (or one outlet, by full child id) into a state without going through the client under test.</summary>
    public async Task SetStateAsync(int device, bool on, string? childId = null)
    {
        var request = new JsonObject { ["op"] = "set", ["device"] = device, ["on"] = on };
        if (childId is not null)
        {
            request["child"] = childId;
        }

        await AskAsync(request);
    }

    /// <summary>The count_down rules the device (or one outlet) holds.</summary>
    public async Task<IReadOnlyList<CountdownRule>> ReadCountdownRulesAsync(int device, string? childId = null)
    {
        var request = new JsonObject { ["op"] = "countdown", ["device"] = device };
        if (childId is not null)
        {
            request["child"] = childId;
        }

        var reply = await AskAsync(request);
        return reply["rules"]!.AsArray().Select(r => new CountdownRule(
            r!["enable"]?.GetValue<int>() ?? -1,
            r["delay"]?.GetValue<int>() ?? -1,
            r["act"]?.GetValue<int>() ?? -1)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // serve.js stops its devices and exits when its stdin closes.
            this.node.StandardInput.Close();
            await this.node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
            this.node.Kill(entireProcessTree: true);
        }
        finally
        {
            this.node.Dispose();
            this.conversation.Dispose();
        }
    }

    private string Errors
    {
        get
        {
            lock (this.errors)
            {
                return this.errors.ToString();
            }
        }
    }

    private async Task<JsonNode> AskAsync(JsonObject request)
    {
        await this.conversation.WaitAsync();
        try
        {
            await this.node.StandardInput.WriteLineAsync(request.ToJsonString());
            await this.node.StandardInput.FlushAsync();
            var line = await this.node.StandardOutput.ReadLineAsync().WaitAsync(QueryTimeout)
                ?? throw new InvalidOperationException($"serve.js exited: {Errors}");
            var reply = JsonNode.Parse(line) ?? throw new InvalidOperationException($"serve.js answered null to {request.ToJsonString()}");
            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"serve.js refused {request.ToJsonString()}: {error}");
            }

            return reply;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"serve.js answered something that is not JSON: {e.Message}", e);
        }
        finally
        {
            this.conversation.Release();
        }
    }
}
