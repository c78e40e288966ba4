using System.Security.Cryptography;
using System.Text;
using ButtonToPlug.Events;

namespace ButtonToPlug.Settings;

/// <summary>
/// The bearer token HTTPS callers must present (<c>&lt;path&gt;/webhook-token</c>). Only its SHA-256 is kept here: comparing
/// two digests of equal length with <see cref="CryptographicOperations.FixedTimeEquals"/> takes the same time whatever the
/// caller sent, its length included, so timing tells a caller nothing about the token.
/// </summary>
internal sealed class WebhookToken
{
    /// <summary>32 characters of a random hex or base64 string carry 128 bits or more: out of reach of guessing over HTTPS.</summary>
    public const int MinLength = 32;

    private readonly byte[] digest;

    public WebhookToken(string token)
    {
        this.digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public bool Accepts(PresentedToken presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var given = presented.Utf8();
        try
        {
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), this.digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(given);
        }
    }

    public override string ToString() => Redactor.Mask;
}
