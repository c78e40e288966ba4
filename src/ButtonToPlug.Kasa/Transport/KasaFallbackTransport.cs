using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The <see cref="KasaProtocol.Auto"/> transport: sends over the first choice and, when the first exchange shows the port speaks
/// the other protocol (refused, reset or a protocol mismatch before anything could have been carried out), switches once.
/// After one exchange has worked the protocol is settled and failures pass through untouched.
/// </summary>
internal sealed class KasaFallbackTransport : IKasaTransport
{
    private readonly Func<KasaProtocol, IKasaTransport> _create;
    private readonly Action<KasaProtocol> _worked;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private KasaProtocol _current;
    private IKasaTransport _transport;
    private bool _settled;

    public KasaFallbackTransport(KasaEndpoint endpoint, KasaProtocol first, Func<KasaProtocol, IKasaTransport> create, Action<KasaProtocol> worked)
    {
        Endpoint = endpoint;
        _create = create;
        _worked = worked;
        _current = first;
        _transport = create(first);
    }

    public KasaEndpoint Endpoint { get; }

    /// <summary>The protocol in use now (the second choice after a fallback).</summary>
    internal KasaProtocol Current => _current;

    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        if (_settled)
        {
            return await _transport.SendAsync(requestUtf8, cancellationToken);
        }

        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            byte[] answer;
            try
            {
                answer = await _transport.SendAsync(requestUtf8, cancellationToken);
            }
            catch (KasaException first) when (!_settled && ShowsTheOtherProtocol(_transport, first))
            {
                var tried = _current;
                await _transport.DisposeAsync();
                _current = tried == KasaProtocol.Klap ? KasaProtocol.Xor : KasaProtocol.Klap;
                _transport = _create(_current);
                try
                {
                    answer = await _transport.SendAsync(requestUtf8, cancellationToken);
                }
                catch (KasaException second) when (ShowsTheOtherProtocol(_transport, second))
                {
                    if (first is KasaProtocolException || second is KasaProtocolException)
                    {
                        throw new KasaProtocolException(
                            Endpoint, $"this port speaks neither protocol. {Name(tried)}: {first.Message} {Name(_current)}: {second.Message}", second);
                    }

                    // Refused both times: the first protocol's own words (the one the port suggests) explain it best.
                    ExceptionDispatchInfo.Throw(first);
                    throw;
                }
            }

            _settled = true;
            _worked(_current);
            return answer;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync();
        _oneAtATime.Dispose();
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

    private static string Name(KasaProtocol protocol) => protocol == KasaProtocol.Klap ? "KLAP" : "XOR";
}
