using System.Buffers;
using System.Net.Sockets;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa;

/// <summary>
/// The legacy Kasa protocol over TCP: one length-prefixed, XOR-encrypted frame out, one frame back, on a connection opened for
/// that request and closed after its answer.
/// </summary>
/// <remarks>
/// A connection is never reused. Some firmware closes the connection after every answer, and over the internet its FIN can
/// arrive just after the answer: a switch written into that connection would be lost, yet counted as sent and never retried.
/// A plug does not close a connection before it has answered on it, so a request on a fresh one always meets an open door,
/// for one extra connect per request after the first (PlugRetryRule's remarks).
/// The timeout bounds each <see cref="SendAsync"/> call as a whole (resolve, connect, write and the full answer).
/// Requests on one instance are serialized.
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
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(this.timeout);
            var connection = await ConnectAsync(deadline.Token, cancellationToken);
            await WriteFrameAsync(connection, requestUtf8, deadline.Token, cancellationToken);
            return await ReadFrameAsync(connection, deadline.Token, cancellationToken);
        }
        finally
        {
            CloseConnection();
            this.gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        this.disposed = true;
        CloseConnection();
        return ValueTask.CompletedTask;
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

    private async Task WriteFrameAsync(NetworkStream connection, ReadOnlyMemory<byte> request, CancellationToken deadline, CancellationToken caller)
    {
        var length = KasaFrame.FrameLength(request.Length);
        var frame = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            KasaFrame.Write(request.Span, frame);

            // One write for header and payload: plugs (and the simulator) treat each TCP segment as one message.
            await connection.WriteAsync(frame.AsMemory(0, length), deadline);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw Unreachable(true, $"could not send the request within {SocketFailure.Seconds(this.timeout)}", null);
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

    private async Task<byte[]> ReadFrameAsync(NetworkStream connection, CancellationToken deadline, CancellationToken caller)
    {
        try
        {
            var got = await ReadFullyAsync(connection, this.header, deadline);
            if (got == 0)
            {
                throw Unreachable(true, "the plug closed the connection without answering", null);
            }

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
    private static async Task<int> ReadFullyAsync(NetworkStream connection, byte[] buffer, CancellationToken deadline) =>
        buffer.Length == 0 ? 0 : await connection.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, deadline);

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
