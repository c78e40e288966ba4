using System.Security.Cryptography;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The AES-128-CBC key and IV a device hands out in its handshake. Every message of the session is encrypted on its own with
/// the same key and IV (no chaining from one message to the next) and PKCS#7 padding, and travels as base64.
/// </summary>
internal sealed class AesSessionCipher : IDisposable
{
    public const int KeyLength = 16;
    public const int IvLength = 16;

    private readonly Aes aes;
    private readonly byte[] iv;

    private AesSessionCipher(ReadOnlySpan<byte> keyAndIv)
    {
        this.aes = Aes.Create();
        this.aes.Key = keyAndIv[..KeyLength].ToArray();
        this.iv = keyAndIv[KeyLength..].ToArray();
    }

    /// <summary>Decrypts the handshake answer's <c>result.key</c> with our private key.</summary>
    /// <exception cref="CryptographicException">The key is not base64, does not decrypt, or does not hold a 16-byte key and IV.</exception>
    public static AesSessionCipher FromHandshakeKey(string base64Key, RSA privateKey)
    {
        byte[] encrypted;
        try
        {
            encrypted = Convert.FromBase64String(base64Key);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("the handshake key is not base64", exception);
        }

        var keyAndIv = privateKey.Decrypt(encrypted, RSAEncryptionPadding.Pkcs1);

        // OpenSSL answers a bad PKCS#1 v1.5 padding with random bytes instead of an error (implicit rejection); the length tells.
        if (keyAndIv.Length != KeyLength + IvLength)
        {
            throw new CryptographicException($"the handshake key decrypts to {keyAndIv.Length} bytes, not a 16-byte key and a 16-byte IV");
        }

        return new AesSessionCipher(keyAndIv);
    }

    public string Encrypt(ReadOnlySpan<byte> plaintext) => Convert.ToBase64String(this.aes.EncryptCbc(plaintext, this.iv, PaddingMode.PKCS7));

    /// <exception cref="CryptographicException">Not base64, not whole blocks, or bad padding.</exception>
    public byte[] Decrypt(string base64)
    {
        byte[] ciphertext;
        try
        {
            ciphertext = Convert.FromBase64String(base64);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("the answer is not base64", exception);
        }

        return this.aes.DecryptCbc(ciphertext, this.iv, PaddingMode.PKCS7);
    }

    public void Dispose() => this.aes.Dispose();
}
