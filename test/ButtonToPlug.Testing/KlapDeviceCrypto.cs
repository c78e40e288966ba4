using System.Security.Cryptography;
using System.Text;

namespace ButtonToPlug.Testing;

/// <summary>
/// The device side's KLAP hashes, written apart from the client's classes (and checked against the same independent vectors)
/// so that a mistake shared by client and emulator cannot make the tests pass.
/// </summary>
public static class KlapDeviceCrypto
{
    public static byte[] AuthHash(int version, string username, string password)
    {
        if (version == 1)
        {
            // The protocol fixes MD5 for v1; the emulator has to speak it.
#pragma warning disable CA5351
            using var outer = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            outer.AppendData(MD5.HashData(Encoding.UTF8.GetBytes(username)));
            outer.AppendData(MD5.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5351
            return outer.GetHashAndReset();
        }

        // The protocol fixes SHA-1 under SHA-256 for v2.
#pragma warning disable CA5350
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(SHA1.HashData(Encoding.UTF8.GetBytes(username)));
        hash.AppendData(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
        return hash.GetHashAndReset();
    }

    /// <summary>What the device sends after its seed in the handshake1 reply.</summary>
    public static byte[] DeviceProof(int version, byte[] localSeed, byte[] remoteSeed, byte[] authHash) =>
        version == 1 ? Sha256(localSeed, authHash) : Sha256(localSeed, remoteSeed, authHash);

    /// <summary>What the device expects as the handshake2 body.</summary>
    public static byte[] ClientProof(int version, byte[] localSeed, byte[] remoteSeed, byte[] authHash) =>
        version == 1 ? Sha256(remoteSeed, authHash) : Sha256(remoteSeed, localSeed, authHash);

    internal static byte[] Sha256(params byte[][] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(part);
        }

        return hash.GetHashAndReset();
    }
}
