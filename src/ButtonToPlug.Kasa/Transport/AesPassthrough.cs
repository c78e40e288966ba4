using System.Security.Cryptography;
using System.Text.Json;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// One <c>securePassthrough</c> exchange: the request encrypted into <c>params.request</c>, the answer decrypted from
/// <c>result.response</c>.
/// </summary>
internal static class AesPassthrough
{
    /// <returns>The envelope's error code, and the decrypted answer when it is <see cref="AesEnvelope.Success"/>.</returns>
    /// <exception cref="KasaProtocolException">Not HTTP 200, not an envelope, or an answer that does not decrypt.</exception>
    public static async Task<(int ErrorCode, byte[]? Answer)> SendAsync(
        AesHttpChannel channel, AesSessionCipher cipher, string? cookie, string? token, ReadOnlyMemory<byte> requestJson, bool carriesCommand,
        CancellationToken cancellationToken)
    {
        var envelope = AesEnvelope.Request("securePassthrough", [new("request", cipher.Encrypt(requestJson.Span))]);
        var reply = await channel.PostAsync(envelope, token, cookie, carriesCommand, cancellationToken);
        var mayHaveActed = carriesCommand ? "; the plug may have acted on it" : "";
        if (reply.Status != 200)
        {
            throw new KasaProtocolException(channel.Endpoint, $"the plug answered HTTP {reply.Status} to securePassthrough{mayHaveActed}");
        }

        int errorCode;
        string? response;
        try
        {
            (errorCode, response) = AesEnvelope.Read(reply.Body, "response");
        }
        catch (JsonException exception)
        {
            throw new KasaProtocolException(channel.Endpoint, $"the securePassthrough answer is not an AES envelope ({exception.Message}){mayHaveActed}", exception);
        }

        if (errorCode != AesEnvelope.Success)
        {
            return (errorCode, null);
        }

        if (response is null)
        {
            throw new KasaProtocolException(channel.Endpoint, $"the securePassthrough answer has no result.response{mayHaveActed}");
        }

        try
        {
            return (errorCode, cipher.Decrypt(response));
        }
        catch (CryptographicException exception)
        {
            throw new KasaProtocolException(channel.Endpoint, $"the securePassthrough answer does not decrypt with this session's key ({exception.Message}){mayHaveActed}", exception);
        }
    }
}
