using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ButtonToPlug.Testing.Latency;

/// <summary>
/// A TCP proxy on 127.0.0.1 that makes a loopback peer look D away (<c>tc netem</c> is not available on these kernels):
/// every chunk is forwarded D after it arrived, in each direction, and a client's first bytes reach the peer no earlier
/// than accept + 3D — SYN, SYN-ACK, then ACK with the data: what a real client pays before its first request arrives.
/// Connect plus one request then costs 4D, each further request on the connection 2D. It counts connections and the
/// requests clients begin (what a request is: <see cref="IRequestCounter"/>).
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private const int ChunkSize = 16 * 1024;

    private readonly Socket listener;
    private readonly int upstreamPort;
    private readonly Func<IRequestCounter> newCounter;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> connections = [];
    private Task accepting = Task.CompletedTask;
    private int connectionCount;
    private int requestCount;
    private long firstAcceptedAt;

    private LatencyProxy(Socket listener, int upstreamPort, TimeSpan oneWay, Func<IRequestCounter> newCounter)
    {
        this.listener = listener;
        this.upstreamPort = upstreamPort;
        this.newCounter = newCounter;
        OneWay = oneWay;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>D: the one-way delay put on every chunk.</summary>
    public TimeSpan OneWay { get; }

    public ProxyCounts Counts => new(Volatile.Read(ref this.connectionCount), Volatile.Read(ref this.requestCount));

    /// <param name="upstreamPort">The peer on 127.0.0.1 that clients of <see cref="Port"/> reach.</param>
    /// <param name="oneWay">D.</param>
    /// <param name="newCounter">Makes the request counter of each new connection.</param>
    public static LatencyProxy Start(int upstreamPort, TimeSpan oneWay, Func<IRequestCounter> newCounter)
    {
        ArgumentNullException.ThrowIfNull(newCounter);
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(64);
        var proxy = new LatencyProxy(listener, upstreamPort, oneWay, newCounter);
        proxy.accepting = proxy.AcceptAsync(proxy.stopping.Token);
        return proxy;
    }

    /// <returns>The counts so far, which start again from zero.</returns>
    public ProxyCounts TakeCounts() =>
        new(Interlocked.Exchange(ref this.connectionCount, 0), Interlocked.Exchange(ref this.requestCount, 0));

    /// <returns>When the first connection since the last call was accepted (a Stopwatch timestamp), or null for none.</returns>
    public long? TakeFirstAcceptedAt() => Interlocked.Exchange(ref this.firstAcceptedAt, 0) is var at and not 0 ? at : null;

    public async ValueTask DisposeAsync()
    {
        await this.stopping.CancelAsync();
        this.listener.Dispose();
        Task[] open;
        lock (this.connections)
        {
            open = [.. this.connections];
        }

        await Task.WhenAll([this.accepting, .. open]).WaitAsync(TimeSpan.FromSeconds(10));
        this.stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await this.listener.AcceptAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var acceptedAt = Stopwatch.GetTimestamp();
            Interlocked.CompareExchange(ref this.firstAcceptedAt, acceptedAt, 0);
            Interlocked.Increment(ref this.connectionCount);
            lock (this.connections)
            {
                this.connections.RemoveAll(task => task.IsCompleted);
                this.connections.Add(RelayAsync(client, acceptedAt, cancellationToken));
            }
        }
    }

    private async Task RelayAsync(Socket client, long acceptedAt, CancellationToken cancellationToken)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (client)
        {
            client.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, this.upstreamPort), cancellationToken);
                // A direction that ends cleanly half-closes the other side; one that fails ends the whole relay.
                using var relay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var handshakeDone = acceptedAt + Ticks(3 * OneWay);
                var toUpstream = PumpAsync(client, upstream, handshakeDone, this.newCounter(), relay.Token);
                var toClient = PumpAsync(upstream, client, 0, null, relay.Token);
                if (await Task.WhenAny(toUpstream, toClient) is { IsCompletedSuccessfully: false })
                {
                    await relay.CancelAsync();
                }

                await Task.WhenAll(toUpstream, toClient);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // A peer that went away ends the relay; the other side sees its connection close.
            }
        }
    }

    /// <summary>Reads chunks as they come and has each one written D later (never before <paramref name="notBefore"/>).</summary>
    private async Task PumpAsync(Socket from, Socket to, long notBefore, IRequestCounter? counter, CancellationToken cancellationToken)
    {
        using var chunks = new BlockingCollection<DelayedChunk>();

        // The writer has a thread of its own that sleeps with the kernel's fine timers: the runtime's timers fire on
        // coarse ticks (up to 4 ms late here), and that lateness would be counted against every client measured.
        var writing = Task.Factory.StartNew(() => WriteWhenDue(chunks, to, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var buffer = new byte[ChunkSize];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                var due = Math.Max(Stopwatch.GetTimestamp() + Ticks(OneWay), notBefore);
                if (read == 0)
                {
                    chunks.Add(new DelayedChunk(null, due), cancellationToken);
                    break;
                }

                if (counter is not null)
                {
                    Interlocked.Add(ref this.requestCount, counter.Count(buffer.AsSpan(0, read)));
                }

                chunks.Add(new DelayedChunk(buffer[..read], due), cancellationToken);
            }
        }
        finally
        {
            chunks.CompleteAdding();
        }

        await writing;
    }

    private static void WriteWhenDue(BlockingCollection<DelayedChunk> chunks, Socket to, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks.GetConsumingEnumerable(cancellationToken))
        {
            for (var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), chunk.Due); wait > TimeSpan.Zero;
                wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), chunk.Due))
            {
                _ = MicrosecondSleep((uint)Math.Min(Math.Ceiling(wait.TotalMicroseconds), 1_000_000));
            }

            if (chunk.Data is null)
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }

            to.Send(chunk.Data);
        }
    }

    /// <summary>usleep(3): a nanosleep on Linux, woken by a high-resolution timer within tens of microseconds.</summary>
    [DllImport("libc", EntryPoint = "usleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MicrosecondSleep(uint microseconds);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Bytes to forward, or null for the end of the stream, and the Stopwatch timestamp at which they are due.</summary>
    private sealed record DelayedChunk(byte[]? Data, long Due);
}
