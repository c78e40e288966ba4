using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ButtonToPlug.Cli.Tests;

/// <summary>
/// A fake plug on 127.0.0.1 that answers every request with the same bytes, for the error exit codes the simulator
/// cannot produce. Framing is written out here on purpose, independent of the library under test. It serves one
/// connection at a time and one request per connection, so the tests that use it name the XOR protocol.
/// </summary>
internal sealed class CannedPlug : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private CannedPlug(byte[] answer)
    {
        this.listener.Start();
        this.loop = ServeAsync(answer);
    }

    public int Port => ((IPEndPoint)this.listener.LocalEndpoint).Port;

    /// <summary>Answers with <paramref name="json"/>, framed and encrypted as a plug would.</summary>
    public static CannedPlug AnsweringJson(string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        byte key = 171;
        for (var i = 0; i < payload.Length; i++)
        {
            key = (byte)(payload[i] ^ key);
            frame[4 + i] = key;
        }

        return new CannedPlug(frame);
    }

    /// <summary>Answers with raw bytes, e.g. a frame whose payload is garbage.</summary>
    public static CannedPlug AnsweringBytes(byte[] raw) => new(raw);

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        this.listener.Stop();
        try
        {
            await this.loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener under a pending accept ends the loop.
        }

        this.stop.Dispose();
    }

    private async Task ServeAsync(byte[] answer)
    {
        while (!this.stop.IsCancellationRequested)
        {
            using var client = await this.listener.AcceptSocketAsync(this.stop.Token);
            await using var stream = new NetworkStream(client);
            var header = new byte[4];
            await stream.ReadExactlyAsync(header, this.stop.Token);
            await stream.ReadExactlyAsync(new byte[BinaryPrimitives.ReadInt32BigEndian(header)], this.stop.Token);
            await stream.WriteAsync(answer, this.stop.Token);
        }
    }
}
