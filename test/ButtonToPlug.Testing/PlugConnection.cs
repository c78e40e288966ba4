using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ButtonToPlug.Testing;

/// <summary>One accepted connection of a <see cref="ScriptedPlug"/>, with the moves a test scripts it with.</summary>
public sealed class PlugConnection
{
    private const byte FirstKey = 171;
    private const int MaxRequestLength = 64 * 1024;

    internal PlugConnection(ScriptedPlug plug, Socket socket, NetworkStream stream, int number, CancellationToken stopping)
    {
        Plug = plug;
        Socket = socket;
        Stream = stream;
        Number = number;
        Stopping = stopping;
    }

    public ScriptedPlug Plug { get; }

    public Socket Socket { get; }

    public NetworkStream Stream { get; }

    /// <summary>1 for the plug's first connection, 2 for the second…</summary>
    public int Number { get; }

    /// <summary>Fires when the test disposes the plug.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Reads one request frame, records it and returns its JSON; null when the client closed first or sent no XOR frame.</summary>
    public async Task<string?> ReadRequestAsync()
    {
        var header = new byte[4];
        if (await Stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, Stopping) < header.Length)
        {
            return null;
        }

        // A client that does not speak XOR (KLAP's HTTP, after an auto fallback) is not read into a gigabyte buffer.
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > MaxRequestLength)
        {
            return null;
        }

        var payload = new byte[length];
        await Stream.ReadExactlyAsync(payload, Stopping);
        var json = Encoding.UTF8.GetString(Decrypt(payload));
        Plug.Record(json);
        return json;
    }

    /// <summary>Sends <paramref name="json"/> as one frame in one write.</summary>
    public Task AnswerAsync(string json) => SendAsync(Frame(json));

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await Stream.WriteAsync(bytes, Stopping);
        await Stream.FlushAsync(Stopping);
    }

    /// <summary>Sends the bytes one per TCP segment, waiting <paramref name="gap"/> between them.</summary>
    public async Task DripAsync(ReadOnlyMemory<byte> bytes, TimeSpan gap)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            await SendAsync(bytes.Slice(i, 1));
            if (gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, Stopping);
            }
        }
    }

    /// <summary>Aborts the connection with a TCP reset (no orderly close).</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    /// <summary>Closes the sending side in order (FIN): the client reads the end of the stream.</summary>
    public void Hangup() => Socket.Shutdown(SocketShutdown.Both);

    /// <summary>Keeps the connection open and says nothing until the test ends.</summary>
    public Task SilenceAsync() => Task.Delay(Timeout.Infinite, Stopping);

    /// <summary>A frame as a plug sends it: 4-byte big-endian length, then the payload under the autokey XOR cipher.</summary>
    public static byte[] Frame(string json)
    {
        var plain = Encoding.UTF8.GetBytes(json);
        var frame = new byte[4 + plain.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)plain.Length);
        var key = FirstKey;
        for (var i = 0; i < plain.Length; i++)
        {
            key = (byte)(key ^ plain[i]);
            frame[4 + i] = key;
        }

        return frame;
    }

    private static byte[] Decrypt(byte[] cipher)
    {
        var plain = new byte[cipher.Length];
        var key = FirstKey;
        for (var i = 0; i < cipher.Length; i++)
        {
            plain[i] = (byte)(key ^ cipher[i]);
            key = cipher[i];
        }

        return plain;
    }
}
