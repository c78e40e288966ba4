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

    public static void DecryptInPlace(Span<byte> data)
    {
        var key = InitialKey;
        for (var i = 0; i < data.Length; i++)
        {
            var cipher = data[i];
            data[i] = (byte)(cipher ^ key);
            key = cipher;
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
