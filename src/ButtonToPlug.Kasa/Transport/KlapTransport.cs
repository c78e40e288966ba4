using System.Security.Cryptography;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// KLAP over HTTP, the authenticated and AES-encrypted protocol newer Kasa firmware speaks on port 80 instead of XOR on 9999.
/// One handshake opens a session that later requests reuse until the device's cookie lifetime runs out or the device drops it.
/// </summary>
public sealed class KlapTransport : IKasaTransport
{
    /// <summary>The port KLAP plugs listen on.</summary>
    public const int DefaultPort = 80;

    // The device's clock is not trusted to the minute; renew this long before the advertised end of the session.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(20);

    private readonly KlapHttpChannel channel;
    private readonly IReadOnlyList<KlapAuthCandidate> candidates;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private KlapEstablishedSession? session;
    private long renewAt;

    /// <param name="credentials">The TP-Link account the plug is bound to, or null to try only the default and blank credentials.</param>
    /// <param name="timeout">Allowed for each HTTP exchange, connect included.</param>
    public KlapTransport(KasaEndpoint endpoint, KasaCredentials? credentials, TimeSpan timeout)
        : this(endpoint, credentials, timeout, TimeProvider.System)
    {
    }

    internal KlapTransport(KasaEndpoint endpoint, KasaCredentials? credentials, TimeSpan timeout, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Endpoint = endpoint;
        this.clock = clock;
        this.candidates = KlapAuthCandidate.InOrder(credentials);
        this.channel = new KlapHttpChannel(endpoint, timeout);
    }

    public KasaEndpoint Endpoint { get; }

    /// <summary>The credential set the current session was opened with, or null before the first handshake.</summary>
    internal string? AcceptedCredentials => this.session?.AcceptedWith.Label;

    /// <summary>True once a handshake has succeeded: the port speaks KLAP, and later failures are about the plug, not the protocol.</summary>
    internal bool HasAuthenticated { get; private set; }

    /// <summary>The open session's cipher, or null; tests move its sequence to the wrap.</summary>
    internal KlapSession? Cipher => this.session?.Cipher;

    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        await this.oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (this.session is null || this.clock.GetTimestamp() >= this.renewAt)
            {
                await OpenSessionAsync(cancellationToken);
            }

            var answer = await ExchangeAsync(requestUtf8, cancellationToken);
            if (answer is null)
            {
                // The device refused the session without acting on the request, so a new session and one resend cannot double it.
                await OpenSessionAsync(cancellationToken);
                answer = await ExchangeAsync(requestUtf8, cancellationToken)
                    ?? throw new KasaProtocolException(Endpoint, "the plug refused the request (HTTP 403) again right after a new handshake");
            }

            return answer;
        }
        finally
        {
            this.oneAtATime.Release();
        }
    }

    /// <summary>Opens a session unless one is open: the handshake proves the port speaks KLAP and switches nothing.</summary>
    internal async Task OpenAsync(CancellationToken cancellationToken)
    {
        await this.oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (this.session is null)
            {
                await OpenSessionAsync(cancellationToken);
            }
        }
        finally
        {
            this.oneAtATime.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        ForgetSession();
        this.channel.Dispose();
        this.oneAtATime.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task OpenSessionAsync(CancellationToken cancellationToken)
    {
        ForgetSession();
        var session = await KlapHandshake.PerformAsync(this.channel, this.candidates, cancellationToken);
        var lifetime = session.Cookie.Lifetime;
        var margin = lifetime > 2 * RenewalMargin ? RenewalMargin : lifetime / 2;
        this.renewAt = this.clock.GetTimestamp() + (long)((lifetime - margin).TotalSeconds * this.clock.TimestampFrequency);
        this.session = session;
        HasAuthenticated = true;
    }

    /// <returns>The decrypted answer, or null when the device says the session is gone and did not act on the request.</returns>
    private async Task<byte[]?> ExchangeAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        var session = this.session ?? throw new InvalidOperationException("no KLAP session is open");
        var request = session.Cipher.Seal(requestUtf8.Span);
        KlapHttpReply reply;
        try
        {
            reply = await this.channel.PostAsync(
                $"request?seq={request.Sequence}", request.Body, session.Cookie.RequestHeader, carriesCommand: true, cancellationToken);
        }
        catch
        {
            // Whatever broke, the device's idea of the sequence is now unknown; the next request starts a fresh session.
            ForgetSession();
            throw;
        }

        switch (reply.Status)
        {
            case 200:
                try
                {
                    return session.Cipher.Open(reply.Body, request.Sequence);
                }
                catch (CryptographicException exception)
                {
                    ForgetSession();
                    throw new KasaProtocolException(
                        Endpoint, $"the answer to request seq {request.Sequence} cannot be trusted: {exception.Message}; the plug may have acted on it", exception);
                }

            case 401 or 403:
                ForgetSession();
                return null;
            default:
                ForgetSession();
                throw new KasaProtocolException(
                    Endpoint, $"the plug answered HTTP {reply.Status}{(reply.IsHtml ? " with an HTML page" : "")} to request seq {request.Sequence}");
        }
    }

    private void ForgetSession()
    {
        this.session?.Cipher.Dispose();
        this.session = null;
    }
}
