using System.Net;
using System.Net.Sockets;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Tests.Hostile;

/// <summary>
/// A TCP peer on 127.0.0.1 that behaves as a test tells it to, one accepted connection after another; it counts the
/// connections so tests can see whether the client reused one.
/// </summary>
internal sealed class LoopbackPeer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<NetworkStream, CancellationToken, Task> behave;
    private readonly List<Socket> accepted = [];
    private readonly Task loop;

    public LoopbackPeer(Func<NetworkStream, CancellationToken, Task> behave)
    {
        this.behave = behave;
        this.listener.Start();
        this.loop = AcceptAsync();
    }

    public KasaEndpoint Endpoint => new("127.0.0.1", ((IPEndPoint)this.listener.LocalEndpoint).Port);

    public int Connections
    {
        get
        {
            lock (this.accepted)
            {
                return this.accepted.Count;
            }
        }
    }

    /// <summary>Reads one request frame and returns its decrypted JSON; null when the client closed first.</summary>
    public static async Task<byte[]?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[KasaFrame.HeaderLength];
        if (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) < header.Length)
        {
            return null;
        }

        KasaFrame.TryReadPayloadLength(header, out var length);
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        XorCipher.DecryptInPlace(payload);
        return payload;
    }

    public static byte[] Frame(string json)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(json);
        var frame = new byte[KasaFrame.FrameLength(payload.Length)];
        KasaFrame.Write(payload, frame);
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        this.listener.Stop();
        lock (this.accepted)
        {
            foreach (var socket in this.accepted)
            {
                socket.Dispose();
            }
        }

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

    private async Task AcceptAsync()
    {
        while (!this.stop.IsCancellationRequested)
        {
            var socket = await this.listener.AcceptSocketAsync(this.stop.Token);
            socket.NoDelay = true;
            lock (this.accepted)
            {
                this.accepted.Add(socket);
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await this.behave(stream, this.stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client gave up or the test ended; a hostile peer has nothing to report.
        }
    }
}
