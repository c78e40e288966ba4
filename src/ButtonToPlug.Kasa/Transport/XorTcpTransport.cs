using System.Buffers;
using System.Net.Sockets;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa;

/// <summary>
/// The legacy Kasa protocol over TCP: one length-prefixed, XOR-encrypted frame out, one frame back. The connection stays open
/// after an answer for the next request on the same instance (a toggle's read and switch share one connect) until dispose.
/// </summary>
/// <remarks>
/// Some firmware closes the connection after every answer, and over the internet its FIN can arrive just after the answer, so
/// a kept connection is guarded twice. Before a request, a kept connection that is readable although nothing was asked (the
/// plug's end of stream or reset has arrived, or bytes no request asked for) is dropped and the request goes on a fresh one.
/// After it, a request written into a kept connection that then ends — end of stream, a reset, or a failed write — before a
/// single answer byte arrived (the FIN crossed the request on the wire) is sent once more, on a fresh connection. That resend
/// cannot carry anything out twice:
/// <list type="number">
/// <item>A plug does not close a connection before it has answered on it, so a kept connection that ends without an answer byte
/// was closed after the previous answer, and the request reached no firmware.</item>
/// <item>Should a plug still act and then close without answering, every request the device layer sends sets an explicit state
/// (<see cref="KasaClient"/>: a toggle's switch is <c>set_relay_state</c> to the opposite of what it read, never "flip"), so
/// the resend sets the same state again and cannot double a toggle; a countdown's request (switch, drop rules, add rule) at
/// worst restarts its switch-back timer by the time of one reconnect.</item>
/// </list>
/// On a fresh connection every failure keeps its plain meaning and nothing is resent: the request went out, the plug may have
/// acted (<see cref="KasaUnreachableException.RequestSent"/>). Part of an answer on a kept connection, or silence there until the
/// timeout, is not resent either: that is a broken answer or a lost one, as on a fresh connection. Any failure closes the
/// connection, so the next request starts on a fresh one.
/// The timeout bounds each <see cref="SendAsync"/> call as a whole (resolve, connect, write and the full answer, the resend
/// and its connect included). Requests on one instance are serialized.
/// </remarks>
public sealed class XorTcpTransport : IKasaTransport
{
    private readonly TimeSpan timeout;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly byte[] header = new byte[KasaFrame.HeaderLength];
    private Socket? socket;
    private NetworkStream? stream;
    private bool disposed;

    public XorTcpTransport(KasaEndpoint endpoint, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Endpoint = endpoint;
        this.timeout = timeout;
    }

    public KasaEndpoint Endpoint { get; }

    /// <summary>XOR/TCP devices speak only IOT.</summary>
    public KasaDialect? Dialect => KasaDialect.Iot;

    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(this.disposed, this);
        await this.gate.WaitAsync(cancellationToken);
        var answered = false;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(this.timeout);
            var answer = KeptConnection() is { } kept ? await SendOnKeptAsync(kept, requestUtf8, deadline.Token, cancellationToken) : null;
            answer ??= await SendOnFreshAsync(requestUtf8, deadline.Token, cancellationToken);
            answered = true;
            return answer;
        }
        finally
        {
            if (!answered)
            {
                CloseConnection();
            }

            this.gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        this.disposed = true;
        CloseConnection();
        return ValueTask.CompletedTask;
    }

    /// <returns>The answer; null when the plug had closed the kept connection and the request reached nothing (remarks).</returns>
    private async Task<byte[]?> SendOnKeptAsync(NetworkStream kept, ReadOnlyMemory<byte> request, CancellationToken deadline, CancellationToken caller) =>
        await WriteFrameAsync(kept, reused: true, request, deadline, caller) ? await ReadFrameAsync(kept, reused: true, deadline, caller) : null;

    /// <summary>Drops any kept connection and sends on a new one.</summary>
    private async Task<byte[]> SendOnFreshAsync(ReadOnlyMemory<byte> request, CancellationToken deadline, CancellationToken caller)
    {
        CloseConnection();
        var fresh = await ConnectAsync(deadline, caller);
        await WriteFrameAsync(fresh, reused: false, request, deadline, caller);
        return await ReadFrameAsync(fresh, reused: false, deadline, caller)
            ?? throw Unreachable(true, "the plug closed the connection without answering", null);
    }

    private async Task<NetworkStream> ConnectAsync(CancellationToken deadline, CancellationToken caller)
    {
        var fresh = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await fresh.ConnectAsync(Endpoint.Host, Endpoint.Port, deadline);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            fresh.Dispose();
            throw Unreachable(false, $"no connection within {SocketFailure.Seconds(this.timeout)}; check the host, the port-forward and that the plug is powered", null);
        }
        catch (SocketException e)
        {
            fresh.Dispose();
            throw Unreachable(false, SocketFailure.OfConnect(e), e);
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        this.socket = fresh;
        this.stream = new NetworkStream(fresh, ownsSocket: true);
        return this.stream;
    }

    /// <returns>False when <paramref name="reused"/> and the write failed: the plug had closed the connection.</returns>
    private async Task<bool> WriteFrameAsync(NetworkStream connection, bool reused, ReadOnlyMemory<byte> request, CancellationToken deadline, CancellationToken caller)
    {
        var length = KasaFrame.FrameLength(request.Length);
        var frame = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            KasaFrame.Write(request.Span, frame);

            // One write for header and payload: plugs (and the simulator) treat each TCP segment as one message.
            await connection.WriteAsync(frame.AsMemory(0, length), deadline);
            return true;
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw Unreachable(true, $"could not send the request within {SocketFailure.Seconds(this.timeout)}", null);
        }
        catch (IOException) when (reused)
        {
            return false;
        }
        catch (IOException e)
        {
            throw Unreachable(true, $"connection lost while sending the request ({SocketFailure.Of(e)})", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <returns>
    /// The decrypted answer; null when the connection ended before a single answer byte arrived: by an end of stream, or, when
    /// <paramref name="reused"/>, by a reset too (on a fresh connection a reset keeps its own message).
    /// </returns>
    private async Task<byte[]?> ReadFrameAsync(NetworkStream connection, bool reused, CancellationToken deadline, CancellationToken caller)
    {
        try
        {
            int got;
            try
            {
                // The first read alone: how far an answer got before the connection ended tells a closed door from a cut answer.
                got = await connection.ReadAsync(this.header, deadline);
            }
            catch (IOException) when (reused)
            {
                return null;
            }

            if (got == 0)
            {
                return null;
            }

            got += await ReadFullyAsync(connection, this.header.AsMemory(got), deadline);
            if (got < this.header.Length)
            {
                throw new KasaProtocolException(Endpoint, $"the answer was cut off inside its length header ({got} of {this.header.Length} bytes)");
            }

            if (!KasaFrame.TryReadPayloadLength(this.header, out var announced))
            {
                throw new KasaProtocolException(Endpoint, $"the answer announces {announced} bytes; a Kasa plug never sends more than {KasaFrame.MaxPayloadLength} (is this a Kasa plug?)");
            }

            var payload = new byte[announced];
            got = await ReadFullyAsync(connection, payload, deadline);
            if (got < payload.Length)
            {
                throw new KasaProtocolException(Endpoint, $"the answer was cut off after {got} of {payload.Length} bytes");
            }

            XorCipher.DecryptInPlace(payload);
            return payload;
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw Unreachable(true, $"no answer within {SocketFailure.Seconds(this.timeout)}", null);
        }
        catch (IOException e)
        {
            throw Unreachable(true, $"connection lost while waiting for the answer ({SocketFailure.Of(e)})", e);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the peer closes; returns how much arrived.</summary>
    /// <remarks>
    /// <see cref="Stream.ReadAtLeastAsync"/> with the full length is <c>ReadExactlyAsync</c> that reports how far it got,
    /// which tells "closed without answering" from "closed mid-frame".
    /// </remarks>
    private static async Task<int> ReadFullyAsync(NetworkStream connection, Memory<byte> buffer, CancellationToken deadline) =>
        buffer.Length == 0 ? 0 : await connection.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, deadline);

    /// <summary>The connection kept from the last answer while it can carry a request; otherwise null, and it is closed.</summary>
    /// <remarks>
    /// Nothing is asked on a kept connection, so it has nothing to read: readable means the plug's end of stream or reset has
    /// arrived (or bytes no request asked for), and the next request would be lost in it. Polling with no wait costs no time.
    /// </remarks>
    private NetworkStream? KeptConnection()
    {
        if (this.socket is null || this.stream is null)
        {
            return null;
        }

        bool open;
        try
        {
            open = !this.socket.Poll(0, SelectMode.SelectRead) && !this.socket.Poll(0, SelectMode.SelectError);
        }
        catch (SocketException)
        {
            open = false;
        }

        if (!open)
        {
            CloseConnection();
            return null;
        }

        return this.stream;
    }

    private void CloseConnection()
    {
        this.stream?.Dispose();
        this.socket?.Dispose();
        this.stream = null;
        this.socket = null;
    }

    private KasaUnreachableException Unreachable(bool requestSent, string message, Exception? inner) =>
        new(Endpoint, message, requestSent, inner);
}
