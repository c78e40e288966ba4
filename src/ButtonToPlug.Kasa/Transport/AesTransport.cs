using System.Security.Cryptography;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The AES "securePassthrough" transport of older Tapo firmware and some newer Kasa devices, on <c>POST /app</c> (port 80):
/// an RSA handshake hands out a session AES key, a login gives a token, and every request then travels encrypted inside a
/// <c>securePassthrough</c> call. It carries SMART JSON; it never learns what the JSON says.
/// </summary>
public sealed class AesTransport : IKasaTransport
{
    /// <summary>The port AES plugs listen on.</summary>
    public const int DefaultPort = 80;

    private const int RsaKeyBits = 1024;

    private readonly AesHttpChannel channel;
    private readonly IReadOnlyList<AesLoginCandidate> candidates;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private RSA? keys;
    private AesEstablishedSession? session;

    /// <param name="credentials">The TP-Link account the plug is bound to, or null to try only the Tapo default and blank credentials.</param>
    /// <param name="timeout">Allowed for each HTTP exchange, connect included.</param>
    public AesTransport(KasaEndpoint endpoint, KasaCredentials? credentials, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Endpoint = endpoint;
        this.candidates = AesLoginCandidate.InOrder(credentials);
        this.channel = new AesHttpChannel(endpoint, timeout);
    }

    public KasaEndpoint Endpoint { get; }

    /// <summary>securePassthrough carries only the SMART dialect.</summary>
    public KasaDialect? Dialect => KasaDialect.Smart;

    /// <summary>The credential set the open session logged in with, or null before the first login.</summary>
    internal string? AcceptedCredentials => this.session?.AcceptedWith;

    /// <summary>True once a login has succeeded: the port speaks AES, and later failures are about the plug, not the transport.</summary>
    internal bool HasLoggedIn { get; private set; }

    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        await this.oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var session = this.session ?? await OpenSessionAsync(cancellationToken);
            var answer = await ExchangeAsync(session, requestUtf8, cancellationToken);
            if (answer is null)
            {
                // The device no longer knows the session and did not decrypt the request, so one resend on a new session cannot double it.
                session = await OpenSessionAsync(cancellationToken);
                answer = await ExchangeAsync(session, requestUtf8, cancellationToken)
                    ?? throw new KasaProtocolException(Endpoint, $"the plug refused the request (error_code {AesEnvelope.SessionTimeout}) again right after a new handshake");
            }

            return answer;
        }
        finally
        {
            this.oneAtATime.Release();
        }
    }

    /// <summary>Handshakes and logs in unless a session is open: it proves the port speaks AES and switches nothing.</summary>
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
        this.keys?.Dispose();
        this.channel.Dispose();
        this.oneAtATime.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<AesEstablishedSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        ForgetSession();

        // Made only when a handshake is due, and kept for this transport's later handshakes.
        this.keys ??= RSA.Create(RsaKeyBits);
        this.session = await AesHandshake.OpenAsync(this.channel, this.keys, this.candidates, cancellationToken);
        HasLoggedIn = true;
        return this.session;
    }

    /// <returns>The decrypted answer, or null when the device says the session is gone and did not act on the request.</returns>
    private async Task<byte[]?> ExchangeAsync(AesEstablishedSession session, ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        try
        {
            var (errorCode, answer) = await AesPassthrough.SendAsync(
                this.channel, session.Cipher, session.Cookie, session.Token, requestUtf8, carriesCommand: true, cancellationToken);
            switch (errorCode)
            {
                case AesEnvelope.Success:
                    return answer;
                case AesEnvelope.SessionTimeout:
                    ForgetSession();
                    return null;
                default:
                    ForgetSession();
                    throw new KasaDeviceException(Endpoint, "securePassthrough", errorCode, null);
            }
        }
        catch (KasaException)
        {
            // Whatever broke, the session's state on the device is unknown; the next request starts a fresh one.
            ForgetSession();
            throw;
        }
    }

    private void ForgetSession()
    {
        this.session?.Cipher.Dispose();
        this.session = null;
    }
}
