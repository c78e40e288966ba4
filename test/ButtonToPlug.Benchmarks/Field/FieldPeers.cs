using System.Diagnostics;
using System.Globalization;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;
using ButtonToPlug.Testing.Latency;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// What a click talks to in the field model: moto_server as SSM and one simulated HS100, each behind a
/// <see cref="LatencyProxy"/> (SSM 1 ms away, the plug 20 ms: across the internet to a home router), and the local
/// Runtime API, which Lambda runs next to the function and so is not delayed.
/// </summary>
internal sealed class FieldPeers : IAsyncDisposable
{
    public static readonly TimeSpan PlugOneWay = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan SsmOneWay = TimeSpan.FromMilliseconds(1);

    private readonly MotoServer moto;
    private readonly SimulatedPlugs plugs;

    private FieldPeers(MotoServer moto, SimulatedPlugs plugs, BenchRuntimeApi runtimeApi, LatencyProxy ssm, LatencyProxy plug)
    {
        this.moto = moto;
        this.plugs = plugs;
        RuntimeApi = runtimeApi;
        Ssm = ssm;
        Plug = plug;
    }

    public BenchRuntimeApi RuntimeApi { get; }

    /// <summary>SSM as the function reaches it: HTTP requests counted.</summary>
    public LatencyProxy Ssm { get; }

    /// <summary>The plug as the function reaches it: XOR frames counted.</summary>
    public LatencyProxy Plug { get; }

    /// <summary>Lambda's variables and the SDK's, SSM reached through its proxy; the same for every contender.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(this.moto.Environment)
    {
        ["AWS_ENDPOINT_URL_SSM"] = $"http://127.0.0.1:{Ssm.Port}",
        // Lambda sets both; boto3 reads only the second.
        ["AWS_DEFAULT_REGION"] = MotoServer.Region,
        ["AWS_LAMBDA_RUNTIME_API"] = RuntimeApi.Address,
        ["PARAMETER_PATH"] = BenchPeers.ParameterPath,
        ["AWS_LAMBDA_FUNCTION_NAME"] = "ButtonToPlug",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
    };

    /// <param name="protocol">The <c>protocol</c> setting for ButtonToPlug: <c>xor</c>, as the peers are written, or <c>auto</c>.</param>
    public static async Task<FieldPeers> StartAsync(string protocol)
    {
        var moto = await MotoServer.StartAsync();
        var plugs = await SimulatedPlugs.StartAsync("hs100");
        var runtimeApi = await BenchRuntimeApi.StartAsync();
        var ssm = LatencyProxy.Start(moto.Port, SsmOneWay, () => new HttpRequestCounter());
        var plug = LatencyProxy.Start(plugs.Devices[0].Port, PlugOneWay, () => new XorFrameCounter());
        await moto.PutAllAsync(BenchPeers.ParameterPath, new Dictionary<string, string>
        {
            ["host"] = SimulatedPlugs.Host,
            ["port"] = plug.Port.ToString(CultureInfo.InvariantCulture),
            ["single"] = "toggle",
            ["double"] = "on",
            ["long"] = "off",
            ["timeout"] = "3",

            // The peers are written for this plug's XOR protocol, and ButtonToPlug is told it too unless the run asks for `auto`,
            // whose first click probes KLAP and AES beside XOR (README "How auto finds the protocol").
            ["protocol"] = protocol,
        });
        return new FieldPeers(moto, plugs, runtimeApi, ssm, plug);
    }

    /// <summary>
    /// The least a click can cost on this network: connect and one request is 4 D (handshake 3 D with the request, the
    /// answer 1 D), each further request on the connection 2 D; one SSM request, then the plug.
    /// </summary>
    public static double FloorMilliseconds(int plugRequests) =>
        4 * SsmOneWay.TotalMilliseconds + PlugFloorMilliseconds(plugRequests);

    public static double PlugFloorMilliseconds(int plugRequests) =>
        (4 + (2 * (plugRequests - 1))) * PlugOneWay.TotalMilliseconds;

    /// <summary>moto_server's own time for the settings read: the harness's warm client, straight to moto (no proxy).</summary>
    public async Task<double> SsmAnswerAsync()
    {
        var start = Stopwatch.GetTimestamp();
        await this.moto.Client.GetParametersByPathAsync(new() { Path = BenchPeers.ParameterPath, WithDecryption = true });
        return Milliseconds.Since(start);
    }

    /// <summary>
    /// The plug exchange with nothing of ours around it: a fresh connection through the plug's proxy and the least an
    /// action needs (set; or read, then set), over the Kasa library's bare transport. The simulator's own time and the
    /// proxy's timer precision are in it, as they are in every contender's click.
    /// </summary>
    public async Task<double> BarePlugExchangeAsync(int requests)
    {
        var start = Stopwatch.GetTimestamp();
        await using (var transport = new XorTcpTransport(new KasaEndpoint(SimulatedPlugs.Host, Plug.Port), TimeSpan.FromSeconds(3)))
        {
            if (requests > 1)
            {
                await transport.SendAsync("{\"system\":{\"get_sysinfo\":{}}}"u8.ToArray(), CancellationToken.None);
            }

            await transport.SendAsync("{\"system\":{\"set_relay_state\":{\"state\":1}}}"u8.ToArray(), CancellationToken.None);
        }

        return Milliseconds.Since(start);
    }

    public async ValueTask DisposeAsync()
    {
        await Plug.DisposeAsync();
        await Ssm.DisposeAsync();
        await RuntimeApi.DisposeAsync();
        await this.plugs.DisposeAsync();
        await this.moto.DisposeAsync();
    }
}
