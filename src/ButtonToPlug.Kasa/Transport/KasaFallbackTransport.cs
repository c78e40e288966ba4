using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The <see cref="ProtocolSetting.Auto"/> transport: sends over the first choice and, when the first exchange shows the port speaks
/// the other protocol (refused, reset or a protocol mismatch before anything could have been carried out), switches once.
/// After one exchange has worked the protocol is settled and failures pass through untouched.
/// It resends only a request that cannot have been carried out (in practice the first, a read), never a switch (PlugRetryRule's remarks).
/// </summary>
internal sealed class KasaFallbackTransport : IKasaTransport
{
    private readonly Func<ProtocolSetting, IKasaTransport> create;
    private readonly Action<ProtocolSetting> worked;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private ProtocolSetting current;
    private IKasaTransport transport;
    private bool settled;

    public KasaFallbackTransport(KasaEndpoint endpoint, ProtocolSetting first, Func<ProtocolSetting, IKasaTransport> create, Action<ProtocolSetting> worked)
    {
        Endpoint = endpoint;
        this.create = create;
        this.worked = worked;
        this.current = first;
        this.transport = create(first);
    }

    public KasaEndpoint Endpoint { get; }

    /// <summary>The protocol in use now (the second choice after a fallback).</summary>
    internal ProtocolSetting Current => this.current;

    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        if (this.settled)
        {
            return await this.transport.SendAsync(requestUtf8, cancellationToken);
        }

        await this.oneAtATime.WaitAsync(cancellationToken);
        try
        {
            byte[] answer;
            try
            {
                answer = await this.transport.SendAsync(requestUtf8, cancellationToken);
            }
            catch (KasaException first) when (!this.settled && ShowsTheOtherProtocol(this.transport, first))
            {
                var tried = this.current;
                await this.transport.DisposeAsync();
                this.current = tried == ProtocolSetting.Klap ? ProtocolSetting.Xor : ProtocolSetting.Klap;
                this.transport = this.create(this.current);
                try
                {
                    answer = await this.transport.SendAsync(requestUtf8, cancellationToken);
                }
                catch (KasaException second) when (ShowsTheOtherProtocol(this.transport, second))
                {
                    if (first is KasaProtocolException || second is KasaProtocolException)
                    {
                        throw new KasaProtocolException(
                            Endpoint, $"this port speaks neither protocol. {Name(tried)}: {first.Message} {Name(this.current)}: {second.Message}", second);
                    }

                    // Refused both times: the first protocol's own words (the one the port suggests) explain it best.
                    ExceptionDispatchInfo.Throw(first);
                    throw;
                }
            }

            this.settled = true;
            this.worked(this.current);
            return answer;
        }
        finally
        {
            this.oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.transport.DisposeAsync();
        this.oneAtATime.Dispose();
    }

    /// <summary>
    /// True only for failures that prove nothing was carried out and hint at the other protocol: a protocol mismatch before a KLAP
    /// session existed (a handshake cannot switch anything) or from the XOR framing (a Kasa XOR plug always answers in valid
    /// frames, so a port that did not is not one and ran nothing), or a refused or reset connection before the request left.
    /// </summary>
    private static bool ShowsTheOtherProtocol(IKasaTransport transport, KasaException failure) => failure switch
    {
        _ when transport is KlapTransport { HasAuthenticated: true } => false,
        KasaProtocolException => true,
        KasaUnreachableException { RequestSent: false } unreachable => RefusedOrReset(unreachable),
        _ => false,
    };

    private static bool RefusedOrReset(Exception failure)
    {
        for (var inner = failure.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.ConnectionAborted })
            {
                return true;
            }
        }

        return false;
    }

    private static string Name(ProtocolSetting protocol) => protocol == ProtocolSetting.Klap ? "KLAP" : "XOR";
}
