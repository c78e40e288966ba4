using System.Security.Cryptography;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>The two proofs exchanged in the handshake: the device's (handshake1 reply) and ours (handshake2 body).</summary>
internal static class KlapHandshakeHash
{
    /// <summary>What the device appends to its seed in the handshake1 reply when it knows <paramref name="authHash"/>.</summary>
    public static byte[] Server(KlapVersion version, ReadOnlySpan<byte> localSeed, ReadOnlySpan<byte> remoteSeed, ReadOnlySpan<byte> authHash) =>
        version == KlapVersion.V1
            ? SHA256.HashData([.. localSeed, .. authHash])
            : SHA256.HashData([.. localSeed, .. remoteSeed, .. authHash]);

    /// <summary>The handshake2 body that proves to the device that we know <paramref name="authHash"/> too.</summary>
    public static byte[] Client(KlapVersion version, ReadOnlySpan<byte> localSeed, ReadOnlySpan<byte> remoteSeed, ReadOnlySpan<byte> authHash) =>
        version == KlapVersion.V1
            ? SHA256.HashData([.. remoteSeed, .. authHash])
            : SHA256.HashData([.. remoteSeed, .. localSeed, .. authHash]);
}
