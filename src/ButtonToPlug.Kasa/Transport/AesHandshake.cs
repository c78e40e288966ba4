using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// Opens an AES session: <c>handshake</c> sends our RSA public key and gets the session's AES key and IV back encrypted with it;
/// <c>login_device</c>, inside the passthrough, trades credentials for the token later URLs carry. A refused login spoils the
/// handshake's session on the device, so each credential candidate gets a fresh handshake.
/// </summary>
internal static class AesHandshake
{
    public static async Task<AesEstablishedSession> OpenAsync(
        AesHttpChannel channel, RSA keys, IReadOnlyList<AesLoginCandidate> candidates, CancellationToken cancellationToken)
    {
        foreach (var candidate in candidates)
        {
            var (cipher, cookie) = await HandshakeAsync(channel, keys, cancellationToken);
            try
            {
                if (await LoginAsync(channel, cipher, cookie, candidate, cancellationToken) is { } token)
                {
                    return new AesEstablishedSession(cipher, cookie, token, candidate.Label);
                }
            }
            catch
            {
                cipher.Dispose();
                throw;
            }

            cipher.Dispose();
        }

        throw Rejected(channel.Endpoint, candidates);
    }

    private static async Task<(AesSessionCipher Cipher, string? Cookie)> HandshakeAsync(AesHttpChannel channel, RSA keys, CancellationToken cancellationToken)
    {
        var pem = $"-----BEGIN PUBLIC KEY-----\n{Convert.ToBase64String(keys.ExportSubjectPublicKeyInfo())}\n-----END PUBLIC KEY-----\n";
        var reply = await channel.PostAsync(AesEnvelope.Request("handshake", [new("key", pem)]), token: null, cookie: null, carriesCommand: false, cancellationToken);
        if (reply.Status != 200)
        {
            throw NotAes(channel.Endpoint, $"the handshake on POST /app answered HTTP {reply.Status}");
        }

        int errorCode;
        string? key;
        try
        {
            (errorCode, key) = AesEnvelope.Read(reply.Body, "key");
        }
        catch (JsonException)
        {
            throw NotAes(channel.Endpoint, $"the handshake on POST /app answered {reply.Body.Length} bytes that are not an AES answer");
        }

        if (errorCode != AesEnvelope.Success)
        {
            throw Refused(channel.Endpoint, errorCode, Encoding.UTF8.GetString(reply.Body));
        }

        if (key is null)
        {
            throw NotAes(channel.Endpoint, "the handshake answer has no result.key");
        }

        try
        {
            var cookie = KlapCookie.Parse(reply.SetCookies).RequestHeader;
            return (AesSessionCipher.FromHandshakeKey(key, keys), cookie);
        }
        catch (CryptographicException exception)
        {
            throw new KasaProtocolException(
                channel.Endpoint, $"the AES handshake answer does not decrypt with the key we sent ({exception.Message}); the device is not a working AES plug", exception);
        }
    }

    /// <returns>The token, or null when the device refused this candidate's credentials.</returns>
    private static async Task<string?> LoginAsync(
        AesHttpChannel channel, AesSessionCipher cipher, string? cookie, AesLoginCandidate candidate, CancellationToken cancellationToken)
    {
        var login = AesEnvelope.Request(
            "login_device", [new("username", candidate.Username), new(candidate.PasswordField, candidate.Password)], withRequestTime: true);
        var (envelopeCode, answer) = await AesPassthrough.SendAsync(channel, cipher, cookie, token: null, login, carriesCommand: false, cancellationToken);
        if (envelopeCode == AesEnvelope.LoginError)
        {
            return null;
        }

        if (answer is null)
        {
            throw new KasaDeviceException(channel.Endpoint, "login_device", envelopeCode, null);
        }

        int errorCode;
        string? token;
        try
        {
            (errorCode, token) = AesEnvelope.Read(answer, "token");
        }
        catch (JsonException exception)
        {
            throw new KasaProtocolException(channel.Endpoint, $"the login answer is not JSON with an error_code ({exception.Message})", exception);
        }

        return errorCode switch
        {
            AesEnvelope.LoginError => null,
            AesEnvelope.Success => token ?? throw new KasaProtocolException(channel.Endpoint, "the login answer has no result.token"),
            _ => throw new KasaDeviceException(channel.Endpoint, "login_device", errorCode, null),
        };
    }

    private static KasaProtocolException NotAes(KasaEndpoint endpoint, string what) =>
        new(endpoint, $"this port does not speak AES: {what}. Check that the port-forward leads to the plug's port 80.");

    /// <summary>
    /// A device that answers the handshake with an error has dropped the AES handshake; firmware from 2025 on often replaced it
    /// with TPAP, whose answers name it.
    /// </summary>
    private static KasaProtocolException Refused(KasaEndpoint endpoint, int errorCode, string answer)
    {
        const string Tpap = "this firmware uses TPAP, which ButtonToPlug does not support yet";
        var named = answer.Contains("tpap", StringComparison.OrdinalIgnoreCase) || answer.Contains("pake", StringComparison.OrdinalIgnoreCase);
        return new KasaProtocolException(endpoint, named
            ? $"the plug refused the AES handshake (error_code {errorCode}): {Tpap}. Turning on Third-Party Compatibility in the Tapo app "
                + "(Me → Third-Party Services) makes some firmware speak KLAP again (set the protocol parameter to klap or auto)"
            : $"the plug refused the AES handshake with error_code {errorCode}. If its firmware is from 2025 or later it may have moved to TPAP "
                + "(ButtonToPlug does not support TPAP yet); turn on Third-Party Compatibility in the Tapo app (Me → Third-Party Services) "
                + "and try the protocol parameter klap or auto");
    }

    private static KasaAuthenticationException Rejected(KasaEndpoint endpoint, IReadOnlyList<AesLoginCandidate> candidates)
    {
        var labels = candidates.Select(candidate => candidate.Label).Distinct().ToArray();
        var tried = labels.Length == 1 ? labels[0] : $"{string.Join(", ", labels[..^1])} or {labels[^1]}";
        var advice = labels.Contains(AesLoginCandidate.AccountLabel)
            ? "check the TP-Link account e-mail and password the plug is bound to (both case-sensitive). If you are sure they are right, "
                + "the firmware may still hold an old secret (after a password change or a firmware update): remove the plug from the app and add it again"
            : "the plug is bound to a TP-Link account: give that account's e-mail and password";
        return new KasaAuthenticationException(endpoint, $"the plug accepted none of {tried} (AES login v1 and v2 tried); {advice}");
    }
}
