using System.Numerics;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The legacy Kasa "encryption": an XOR autokey cipher whose first key is 171 and whose next key is always the previous
/// ciphertext byte. It hides nothing; it is simply what the devices expect on TCP and UDP port 9999.
/// </summary>
internal static class XorCipher
{
    public const byte InitialKey = 171;

    public static void EncryptInPlace(Span<byte> data)
    {
        var key = InitialKey;
        for (var i = 0; i < data.Length; i++)
        {
            key = (byte)(data[i] ^ key);
            data[i] = key;
        }
    }

    /// <remarks>
    /// Encryption is a chain (each key is the byte just produced), but decryption is not: plaintext byte i is ciphertext
    /// byte i XOR ciphertext byte i-1. Walking from the end, a whole vector is decrypted at once while the bytes before it
    /// are still ciphertext, so answers decrypt many bytes per instruction instead of one.
    /// </remarks>
    public static void DecryptInPlace(Span<byte> data)
    {
        var end = data.Length;
        var width = Vector<byte>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            while (end - width >= 1)
            {
                var start = end - width;
                var decrypted = new Vector<byte>(data[start..]) ^ new Vector<byte>(data[(start - 1)..]);
                decrypted.CopyTo(data[start..]);
                end = start;
            }
        }

        for (var i = end - 1; i >= 1; i--)
        {
            data[i] ^= data[i - 1];
        }

        if (data.Length > 0)
        {
            data[0] ^= InitialKey;
        }
    }

    /// <summary>Encrypts <paramref name="plain"/> into <paramref name="destination"/> (same length) without touching the source.</summary>
    public static void Encrypt(ReadOnlySpan<byte> plain, Span<byte> destination)
    {
        if (destination.Length < plain.Length)
        {
            throw new ArgumentException("destination is shorter than the plaintext", nameof(destination));
        }

        var key = InitialKey;
        for (var i = 0; i < plain.Length; i++)
        {
            key = (byte)(plain[i] ^ key);
            destination[i] = key;
        }
    }
}
