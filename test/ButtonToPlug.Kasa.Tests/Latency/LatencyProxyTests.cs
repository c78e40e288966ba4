using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ButtonToPlug.Testing.Latency;

namespace ButtonToPlug.Kasa.Tests.Latency;

/// <summary>
/// The proxy's model, checked by order and lower bounds only (a loaded machine makes things later, never earlier):
/// the first request reaches the peer no earlier than 3 D after connect, its answer no earlier than 4 D, a second
/// exchange on the connection takes at least 2 D, and connections and requests are counted.
/// </summary>
public sealed class LatencyProxyTests
{
    private static readonly TimeSpan OneWay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly byte[] Frame = Convert.FromHexString("00000003aabbcc");

    [Fact]
    public async Task Relay_ModelsHandshakeAndDelaysEachDirection_AndCountsFrames()
    {
        using var peer = new EchoPeer();
        await using var proxy = LatencyProxy.Start(peer.Port, OneWay, () => new XorFrameCounter());
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(Bound);
        var answer = new byte[Frame.Length];

        var connecting = Stopwatch.GetTimestamp();
        await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxy.Port), timeout.Token);
        await client.SendAsync(Frame, SocketFlags.None, timeout.Token);
        var firstArrival = await peer.Arrivals.ReadAsync(timeout.Token);
        await ReadExactlyAsync(client, answer, timeout.Token);
        var firstAnswer = Stopwatch.GetTimestamp();
        var secondSent = Stopwatch.GetTimestamp();
        await client.SendAsync(Frame, SocketFlags.None, timeout.Token);
        await ReadExactlyAsync(client, answer, timeout.Token);
        var secondAnswer = Stopwatch.GetTimestamp();

        Assert.True(Stopwatch.GetElapsedTime(connecting, firstArrival) >= 3 * OneWay, "the first request arrived before the handshake's 3 D");
        Assert.True(Stopwatch.GetElapsedTime(connecting, firstAnswer) >= 4 * OneWay, "the first answer came back before 4 D");
        Assert.True(Stopwatch.GetElapsedTime(secondSent, secondAnswer) >= 2 * OneWay, "a further exchange took less than 2 D");
        Assert.Equal(Frame, answer);
        Assert.Equal(new ProxyCounts(1, 2), proxy.TakeCounts());
        Assert.Equal(new ProxyCounts(0, 0), proxy.Counts);
    }

    private static async Task ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.ReadExactlyAsync(buffer, cancellationToken);
    }

    /// <summary>Echoes what it reads on one connection and stamps when each chunk arrived.</summary>
    private sealed class EchoPeer : IDisposable
    {
        private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly Channel<long> arrivals = Channel.CreateUnbounded<long>();
        private readonly CancellationTokenSource stopping = new();

        public EchoPeer()
        {
            this.listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            this.listener.Listen(1);
            Port = ((IPEndPoint)this.listener.LocalEndPoint!).Port;
            _ = EchoAsync(this.stopping.Token);
        }

        public int Port { get; }

        public ChannelReader<long> Arrivals => this.arrivals.Reader;

        public void Dispose()
        {
            this.stopping.Cancel();
            this.listener.Dispose();
            this.stopping.Dispose();
        }

        private async Task EchoAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var connection = await this.listener.AcceptAsync(cancellationToken);
                var buffer = new byte[1024];
                int read;
                while ((read = await connection.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
                {
                    this.arrivals.Writer.TryWrite(Stopwatch.GetTimestamp());
                    await connection.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The test is over.
            }
        }
    }
}
