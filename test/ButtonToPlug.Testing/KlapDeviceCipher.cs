using System.Security.Cryptography;

namespace ButtonToPlug.Testing;

/// <summary>The device side of a KLAP session: checks and decrypts requests, encrypts and signs replies with the same sequence.</summary>
public sealed class KlapDeviceCipher
{
    public KlapDeviceCipher(byte[] localSeed, byte[] remoteSeed, byte[] authHash)
    {
        var key = KlapDeviceCrypto.Sha256("lsk"u8.ToArray(), localSeed, remoteSeed, authHash);
        Key = key[..16];
        var iv = KlapDeviceCrypto.Sha256("iv"u8.ToArray(), localSeed, remoteSeed, authHash);
        IvPrefix = iv[..12];
        InitialSequence = (iv[28] << 24) | (iv[29] << 16) | (iv[30] << 8) | iv[31];
        SignatureKey = KlapDeviceCrypto.Sha256("ldk"u8.ToArray(), localSeed, remoteSeed, authHash)[..28];
    }

    public byte[] Key { get; }

    public byte[] IvPrefix { get; }

    public int InitialSequence { get; }

    public byte[] SignatureKey { get; }

    /// <summary>Returns the plaintext, or null when the signature does not match (the device then refuses the request).</summary>
    public byte[]? OpenRequest(byte[] body, int sequence)
    {
        if (body.Length < 48)
        {
            return null;
        }

        var ciphertext = body[32..];
        if (!CryptographicOperations.FixedTimeEquals(Signature(sequence, ciphertext), body.AsSpan(0, 32)))
        {
            return null;
        }

        using var aes = NewAes(sequence);
        using var decryptor = aes.CreateDecryptor();
        return decryptor.TransformFinalBlock(ciphertext, 0, ciphertext.Length);
    }

    public byte[] SealReply(byte[] plaintext, int sequence)
    {
        using var aes = NewAes(sequence);
        using var encryptor = aes.CreateEncryptor();
        var ciphertext = encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
        return [.. Signature(sequence, ciphertext), .. ciphertext];
    }

    public byte[] Signature(int sequence, byte[] ciphertext) =>
        KlapDeviceCrypto.Sha256(SignatureKey, BigEndian(sequence), ciphertext);

    private Aes NewAes(int sequence)
    {
        var aes = Aes.Create();
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.PKCS7;
        aes.Key = Key;
        aes.IV = [.. IvPrefix, .. BigEndian(sequence)];
        return aes;
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
