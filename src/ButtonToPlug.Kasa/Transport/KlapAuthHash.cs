using System.Security.Cryptography;
using System.Text;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>The credential digest both sides of a KLAP handshake prove they know.</summary>
internal static class KlapAuthHash
{
    public static byte[] Compute(KlapVersion version, KasaCredentials credentials)
    {
        var user = Encoding.UTF8.GetBytes(credentials.Username);
        var password = Encoding.UTF8.GetBytes(credentials.Password);
        return version switch
        {
            // The protocol fixes these digests; MD5 and SHA-1 are not our choice, and they only feed a SHA-256 proof.
#pragma warning disable CA5350, CA5351
            KlapVersion.V1 => MD5.HashData([.. MD5.HashData(user), .. MD5.HashData(password)]),
            KlapVersion.V2 => SHA256.HashData([.. SHA1.HashData(user), .. SHA1.HashData(password)]),
#pragma warning restore CA5350, CA5351
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unknown KLAP version"),
        };
    }
}
