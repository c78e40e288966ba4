using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The cipher state of one established KLAP session: AES-128-CBC keys derived from both seeds and the auth hash,
/// and the sequence number that makes every request's IV and signature unique.
/// </summary>
/// <remarks>Not thread-safe: the sequence must advance in the order requests reach the device, so the caller serialises.</remarks>
internal sealed class KlapSession : IDisposable
{
    public const int SignatureLength = 32;
    private const int BlockLength = 16;

    private readonly Aes aes;
    private readonly byte[] ivPrefix;
    private readonly byte[] signatureKey;

    public KlapSession(ReadOnlySpan<byte> localSeed, ReadOnlySpan<byte> remoteSeed, ReadOnlySpan<byte> authHash)
    {
        byte[] material = [.. localSeed, .. remoteSeed, .. authHash];
        Key = SHA256.HashData([.. "lsk"u8, .. material])[..16];
        var ivHash = SHA256.HashData([.. "iv"u8, .. material]);
        this.ivPrefix = ivHash[..12];
        // The last four bytes of the IV hash seed the sequence; each request adds one and puts it back into the IV.
        Sequence = BinaryPrimitives.ReadInt32BigEndian(ivHash.AsSpan(28));
        this.signatureKey = SHA256.HashData([.. "ldk"u8, .. material])[..28];
        this.aes = Aes.Create();
        this.aes.Key = Key;
    }

    /// <summary>The sequence number of the last request sealed (the initial value before the first one). Tests set it to reach the wrap.</summary>
    public int Sequence { get; internal set; }

    internal byte[] Key { get; }

    internal ReadOnlySpan<byte> IvPrefix => this.ivPrefix;

    internal ReadOnlySpan<byte> SignatureKey => this.signatureKey;

    public KlapSealedRequest Seal(ReadOnlySpan<byte> plaintext)
    {
        // The device reads the sequence as a signed 32-bit number, so it wraps rather than overflows.
        var sequence = unchecked(Sequence + 1);
        Sequence = sequence;
        var ciphertext = this.aes.EncryptCbc(plaintext, Iv(sequence), PaddingMode.PKCS7);
        var body = new byte[SignatureLength + ciphertext.Length];
        Sign(sequence, ciphertext, body.AsSpan(0, SignatureLength));
        ciphertext.CopyTo(body, SignatureLength);
        return new KlapSealedRequest(sequence, body);
    }

    /// <summary>Decrypts a reply to request <paramref name="sequence"/> and says whether its signature is the one this session expects.</summary>
    /// <remarks>
    /// A signature that does not match is not a reason to refuse the reply: no other KLAP client checks it, and nothing public
    /// shows how every firmware fills those 32 bytes. The ciphertext is what counts (valid padding, then valid JSON upstream).
    /// </remarks>
    /// <exception cref="CryptographicException">The reply is not a signature followed by whole AES blocks, or its padding is wrong.</exception>
    public byte[] Open(ReadOnlySpan<byte> body, int sequence, out bool signatureMatches)
    {
        if (body.Length < SignatureLength + BlockLength || (body.Length - SignatureLength) % BlockLength != 0)
        {
            throw new CryptographicException($"a reply of {body.Length} bytes is not a signature followed by whole AES blocks");
        }

        var ciphertext = body[SignatureLength..];
        Span<byte> expected = stackalloc byte[SignatureLength];
        Sign(sequence, ciphertext, expected);
        signatureMatches = CryptographicOperations.FixedTimeEquals(expected, body[..SignatureLength]);
        return this.aes.DecryptCbc(ciphertext, Iv(sequence), PaddingMode.PKCS7);
    }

    public void Dispose() => this.aes.Dispose();

    private byte[] Iv(int sequence)
    {
        var iv = new byte[BlockLength];
        this.ivPrefix.CopyTo(iv, 0);
        BinaryPrimitives.WriteInt32BigEndian(iv.AsSpan(12), sequence);
        return iv;
    }

    private void Sign(int sequence, ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(this.signatureKey);
        Span<byte> sequenceBytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(sequenceBytes, sequence);
        hash.AppendData(sequenceBytes);
        hash.AppendData(ciphertext);
        hash.GetHashAndReset(destination);
    }
}
