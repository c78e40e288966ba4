using System.Security.Cryptography;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// KLAP over HTTP, the authenticated and AES-encrypted protocol newer Kasa firmware speaks on port 80 instead of XOR on 9999.
/// One handshake opens a session that later requests reuse until the device's cookie lifetime runs out or the device drops it;
/// a plug that has shown it takes one request per session (remembered in <see cref="KlapPlugHabits"/>) gets a session per request.
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
    private readonly KlapPlugHabits habits;
    private readonly Action<string>? notice;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private KlapEstablishedSession? session;
    private int answeredOnSession;
    private long renewAt;

    /// <param name="credentials">The TP-Link account the plug is bound to, or null to try only the default and blank credentials.</param>
    /// <param name="timeout">Allowed for each HTTP exchange, connect included.</param>
    public KlapTransport(KasaEndpoint endpoint, KasaCredentials? credentials, TimeSpan timeout)
        : this(endpoint, credentials, timeout, TimeProvider.System, new KlapPlugHabits(), notice: null)
    {
    }

    /// <param name="habits">What this plug showed earlier (a session per request); shared through the factory for the warm function.</param>
    /// <param name="notice">Told, in words for a log, about something odd the plug did that did not fail the request.</param>
    internal KlapTransport(
        KasaEndpoint endpoint, KasaCredentials? credentials, TimeSpan timeout, TimeProvider clock, KlapPlugHabits habits, Action<string>? notice)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Endpoint = endpoint;
        this.clock = clock;
        this.habits = habits;
        this.notice = notice;
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

    /// <summary>Handshakes completed by this transport (one per session).</summary>
    internal int Handshakes { get; private set; }

    public Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken) =>
        SendAsync(requestUtf8, switchesNothing: false, cancellationToken);

    /// <summary>
    /// A read that fails as a later request of a session on firmware that takes one request per session is sent once more, on a
    /// new session: it switches nothing, so a second delivery is harmless.
    /// </summary>
    public Task<byte[]> ReadAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken) =>
        SendAsync(requestUtf8, switchesNothing: true, cancellationToken);

    private async Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, bool switchesNothing, CancellationToken cancellationToken)
    {
        await this.oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (this.session is null
                || this.clock.GetTimestamp() >= this.renewAt
                || (this.answeredOnSession > 0 && this.habits.NeedsSessionPerRequest(Endpoint)))
            {
                await OpenSessionAsync(cancellationToken);
            }

            var answer = await ExchangeAsync(requestUtf8, switchesNothing, cancellationToken);
            if (answer is null)
            {
                // HTTP 403: the device refused the session before it decrypted anything, so it carried nothing out, and a new
                // session with one resend cannot double a switch; a read may go again whatever the failure. PlugRetryRule's
                // remarks list these as the transport's only resends.
                await OpenSessionAsync(cancellationToken);
                answer = await ExchangeAsync(requestUtf8, switchesNothing: false, cancellationToken)
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
        this.answeredOnSession = 0;
        Handshakes++;
        HasAuthenticated = true;
    }

    /// <returns>
    /// The decrypted answer, or null when the device refused the session (HTTP 403) without acting on the request, or when a
    /// read failed as a later request on firmware that takes one request per session: either may be sent again on a new session.
    /// </returns>
    private async Task<byte[]?> ExchangeAsync(ReadOnlyMemory<byte> requestUtf8, bool switchesNothing, CancellationToken cancellationToken)
    {
        var session = this.session ?? throw new InvalidOperationException("no KLAP session is open");
        var laterRequest = this.answeredOnSession > 0;
        var request = session.Cipher.Seal(requestUtf8.Span);
        KlapHttpReply reply;
        try
        {
            reply = await this.channel.PostAsync(
                $"request?seq={request.Sequence}", request.Body, session.Cookie.RequestHeader, carriesCommand: true, cancellationToken);
        }
        catch (KasaProtocolException failure) when (laterRequest && failure.InnerException is HttpRequestException)
        {
            ForgetSession();
            this.habits.RememberSessionPerRequest(Endpoint);
            return switchesNothing ? null : throw OneRequestPerSession(request.Sequence, "an answer that is not HTTP", failure);
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
                return Open(session.Cipher, reply, request.Sequence, laterRequest, switchesNothing);
            case 401 or 403:
                ForgetSession();
                if (laterRequest)
                {
                    this.habits.RememberSessionPerRequest(Endpoint);
                }

                return null;
            default:
                ForgetSession();
                throw new KasaProtocolException(
                    Endpoint, $"the plug answered HTTP {reply.Status}{(reply.IsHtml ? " with an HTML page" : "")} to request seq {request.Sequence}");
        }
    }

    private byte[]? Open(KlapSession cipher, KlapHttpReply reply, int sequence, bool laterRequest, bool switchesNothing)
    {
        byte[] plaintext;
        bool signatureMatches;
        try
        {
            plaintext = cipher.Open(reply.Body, sequence, out signatureMatches);
        }
        catch (CryptographicException exception)
        {
            ForgetSession();
            var what = reply.IsHtml ? "an HTML page instead of an encrypted answer" : $"an answer that does not decrypt ({exception.Message})";
            if (laterRequest)
            {
                this.habits.RememberSessionPerRequest(Endpoint);
                return switchesNothing ? null : throw OneRequestPerSession(sequence, what, exception);
            }

            throw new KasaProtocolException(Endpoint, $"the plug sent {what} to request seq {sequence}; it may have acted on the request", exception);
        }

        if (!signatureMatches)
        {
            if (!KlapReplyContent.IsJson(plaintext))
            {
                ForgetSession();
                throw new KasaProtocolException(
                    Endpoint, $"the answer to request seq {sequence} is not signed by this session and does not decrypt to JSON; it may have acted on the request");
            }

            if (this.habits.FirstSignatureMismatch(Endpoint))
            {
                this.notice?.Invoke(
                    $"{Endpoint}: the plug's KLAP reply signature does not match the one this session computes; the answer decrypted to valid JSON "
                    + "and was used (noted once per endpoint)");
            }
        }

        this.answeredOnSession++;
        return plaintext;
    }

    /// <summary>
    /// A switching request after the first on a session failed the way firmware that takes one request per session fails
    /// (HS110 "SHIP 2.0"). The plug is remembered, so its next requests each get a session of their own; this one is not resent,
    /// because the plug may have carried it out.
    /// </summary>
    private KasaProtocolException OneRequestPerSession(int sequence, string what, Exception inner) =>
        new(
            Endpoint, $"the plug sent {what} to request seq {sequence}, not the first on its KLAP session: its firmware takes one request per "
            + "session. The request was not repeated because it may have switched the plug; from now on every request opens a session of its own", inner);

    private void ForgetSession()
    {
        this.session?.Cipher.Dispose();
        this.session = null;
        this.answeredOnSession = 0;
    }
}
