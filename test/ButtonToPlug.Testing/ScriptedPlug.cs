using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ButtonToPlug.Testing;

/// <summary>
/// A plug on 127.0.0.1 that speaks the legacy XOR/TCP protocol and behaves as a test scripts it, connection by connection:
/// like a plug (<see cref="AnswerLikeAPlug"/>), or hostile (silent, reset mid-frame, garbage, a slow drip…). It records
/// every request it received, so a test can count how often a command really reached the plug.
/// </summary>
/// <remarks>
/// Its cipher and framing are written here from the protocol facts, independently of the client under test.
/// </remarks>
public sealed class ScriptedPlug : IAsyncDisposable
{
    public const string Host = "127.0.0.1";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<PlugConnection, Task> behave;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentBag<Socket> accepted = [];
    private readonly TaskCompletionSource door = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Socket? filler;
    private readonly Task loop;
    private int connections;
    private int relay;

    private ScriptedPlug(Func<PlugConnection, Task> behave, bool doorClosed)
    {
        this.behave = behave;
        if (doorClosed)
        {
            // A backlog of one, taken by a filler connection: Linux drops further SYNs while the accept queue is full,
            // so a client's connect neither completes nor fails until its own timeout.
            this.listener.Start(0);
            this.filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            this.filler.Connect(this.listener.LocalEndpoint);
        }
        else
        {
            this.listener.Start();
            this.door.SetResult();
        }

        this.loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)this.listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref this.connections);

    /// <summary>The decrypted JSON of every request received, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. this.requests];

    /// <summary>The relay state the plug holds (changed by <c>set_relay_state</c> requests it answers like a plug).</summary>
    public bool RelayOn
    {
        get => Volatile.Read(ref this.relay) != 0;
        set => Volatile.Write(ref this.relay, value ? 1 : 0);
    }

    /// <summary>Starts a plug whose every connection runs <paramref name="behave"/>.</summary>
    public static ScriptedPlug Start(Func<PlugConnection, Task> behave) => new(behave, doorClosed: false);

    /// <summary>
    /// A plug whose connects never complete until <see cref="OpenTheDoor"/>; from then on its connections run
    /// <paramref name="behave"/>. (Connect attempts made before that are dropped, not queued.)
    /// </summary>
    public static ScriptedPlug StartWithDoorClosed(Func<PlugConnection, Task> behave) => new(behave, doorClosed: true);

    /// <summary>A well-behaved plug: answers every request on a connection like an HS100 until the client closes.</summary>
    public static ScriptedPlug Working(bool relayOn = false) => new(ServeLikeAPlugAsync, doorClosed: false) { RelayOn = relayOn };

    /// <summary>Starts accepting: the filler leaves the accept queue, and the next connect attempt gets through.</summary>
    public void OpenTheDoor() => this.door.TrySetResult();

    /// <summary>Answers requests like a plug until the client closes the connection.</summary>
    public static async Task ServeLikeAPlugAsync(PlugConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        while (await connection.ReadRequestAsync() is { } request)
        {
            await connection.AnswerAsync(connection.Plug.AnswerLikeAPlug(request));
        }
    }

    /// <summary>
    /// Answers one request like a plug, then closes the connection 1–20 ms later, as firmware that closes after every answer does
    /// when its FIN crosses the internet behind the answer. A request that arrives in that gap is never read.
    /// </summary>
    public static async Task AnswerOnceThenCloseSoonAsync(PlugConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (await connection.ReadRequestAsync() is { } request)
        {
            await connection.AnswerAsync(connection.Plug.AnswerLikeAPlug(request));
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 21)), connection.Stopping);
        }

        connection.Socket.Close();
    }

    /// <summary>
    /// The race of a plug that closes after every answer, made deterministic: connection 1 answers one request like a plug, then
    /// closes (FIN, or a reset when <paramref name="reset"/>) only once the next request has arrived on it, without answering it;
    /// later connections are served like a plug. <paramref name="carryOut"/> carries that unanswered request out before the
    /// close, as a plug that acted and then dropped the connection would; otherwise it is recorded and ignored.
    /// </summary>
    public static async Task AnswerOnceThenCloseUnderTheNextRequestAsync(PlugConnection connection, bool carryOut, bool reset)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Number > 1)
        {
            await ServeLikeAPlugAsync(connection);
            return;
        }

        if (await connection.ReadRequestAsync() is not { } first)
        {
            return;
        }

        await connection.AnswerAsync(connection.Plug.AnswerLikeAPlug(first));
        if (await connection.ReadRequestAsync() is { } unanswered && carryOut)
        {
            _ = connection.Plug.AnswerLikeAPlug(unanswered);
        }

        if (reset)
        {
            connection.Reset();
        }
        else
        {
            connection.Hangup();
        }
    }

    /// <summary>How many requests named <paramref name="method"/> (e.g. <c>set_relay_state</c>) arrived.</summary>
    public int CountRequests(string method) => this.requests.Count(r => r.Contains($"\"{method}\"", StringComparison.Ordinal));

    /// <summary>
    /// The answer an HS100 gives: <c>get_sysinfo</c> with the relay state, <c>set_relay_state</c> (which changes it), the
    /// <c>count_down</c> methods; anything else "module not support".
    /// </summary>
    public string AnswerLikeAPlug(string request)
    {
        var answer = new JsonObject();
        foreach (var (module, methods) in JsonNode.Parse(request)!.AsObject())
        {
            if (methods is not JsonObject)
            {
                // A key that is not an IOT module (SMART's "method": "…" envelope) is refused like an unknown module, so a
                // request in the wrong dialect gets an answer and not a connection that falls silent.
                answer[module] = new JsonObject { ["err_code"] = -1, ["err_msg"] = "module not support" };
                continue;
            }

            var results = new JsonObject();
            answer[module] = results;
            foreach (var (method, arguments) in methods!.AsObject())
            {
                switch ((module, method))
                {
                    case ("system", "get_sysinfo"):
                        results[method] = new JsonObject
                        {
                            ["sw_ver"] = "1.2.6 Build 200727 Rel.121701", ["hw_ver"] = "1.0", ["type"] = "IOT.SMARTPLUGSWITCH",
                            ["model"] = "HS100(US)", ["mac"] = "50:C7:BF:00:00:01", ["alias"] = "scripted", ["relay_state"] = RelayOn ? 1 : 0,
                            ["on_time"] = 0, ["led_off"] = 0, ["deviceId"] = "8006000000000000000000000000000000000001", ["err_code"] = 0,
                        };
                        break;
                    case ("system", "set_relay_state"):
                        RelayOn = arguments!["state"]!.GetValue<int>() != 0;
                        results[method] = new JsonObject { ["err_code"] = 0 };
                        break;
                    case ("count_down", "delete_all_rules"):
                        results[method] = new JsonObject { ["err_code"] = 0 };
                        break;
                    case ("count_down", "add_rule"):
                        results[method] = new JsonObject { ["id"] = "0123456789ABCDEF", ["err_code"] = 0 };
                        break;
                    default:
                        answer[module] = new JsonObject { ["err_code"] = -1, ["err_msg"] = "module not support" };
                        break;
                }
            }
        }

        return answer.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        this.listener.Stop();
        foreach (var socket in this.accepted)
        {
            socket.Dispose();
        }

        this.filler?.Dispose();

        try
        {
            await this.loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped under a pending accept; that is how the loop ends.
        }

        this.stop.Dispose();
    }

    internal void Record(string request) => this.requests.Enqueue(request);

    private async Task AcceptAsync()
    {
        await this.door.Task.WaitAsync(this.stop.Token);
        if (this.filler is not null)
        {
            // The first connection in the queue is the filler's; it is not the client's.
            this.accepted.Add(await this.listener.AcceptSocketAsync(this.stop.Token));
        }

        while (!this.stop.IsCancellationRequested)
        {
            var socket = await this.listener.AcceptSocketAsync(this.stop.Token);
            socket.NoDelay = true;
            this.accepted.Add(socket);
            _ = ServeAsync(socket, Interlocked.Increment(ref this.connections));
        }
    }

    private async Task ServeAsync(Socket socket, int number)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await this.behave(new PlugConnection(this, socket, stream, number, this.stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client gave up or the test ended; a scripted plug has nothing to report.
        }
    }
}
