using System.Text;
using BenchmarkDotNet.Attributes;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// The legacy protocol's codec over realistic payloads: a relay command (~60 B), a plug's sysinfo (~1 KB) and a large
/// strip/energy answer (16 KB). Buffers are made once; every benchmark must allocate nothing per byte.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1822 // BenchmarkDotNet calls benchmarks on an instance.
public class CodecBenchmarks
{
    private byte[] plain = [];
    private byte[] cipher = [];
    private byte[] frame = [];

    [Params(64, 1024, 16384)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = Encoding.UTF8.GetBytes("{\"system\":{\"set_relay_state\":{\"state\":1},\"get_sysinfo\":{\"alias\":\"Desk lamp\"}}}");
        this.plain = new byte[PayloadBytes];
        for (var i = 0; i < this.plain.Length; i++)
        {
            this.plain[i] = sample[i % sample.Length];
        }

        this.cipher = new byte[PayloadBytes];
        this.frame = new byte[KasaFrame.FrameLength(PayloadBytes)];
        KasaFrame.Write(this.plain, this.frame);
    }

    [Benchmark(Description = "XorCipher.Encrypt")]
    public byte Encrypt()
    {
        XorCipher.Encrypt(this.plain, this.cipher);
        return this.cipher[^1];
    }

    /// <summary>Decrypting garbles the buffer for the next round; the cost per byte is the same.</summary>
    [Benchmark(Description = "XorCipher.DecryptInPlace")]
    public byte Decrypt()
    {
        XorCipher.DecryptInPlace(this.cipher);
        return this.cipher[^1];
    }

    /// <summary>What a request costs before the socket write: length header plus encrypted payload, in one buffer.</summary>
    [Benchmark(Description = "KasaFrame.Write")]
    public int WriteFrame() => KasaFrame.Write(this.plain, this.frame);

    /// <summary>What an answer costs after the socket read: check the announced length, decrypt the payload.</summary>
    [Benchmark(Description = "KasaFrame read+decrypt")]
    public byte ReadFrame()
    {
        if (!KasaFrame.TryReadPayloadLength(this.frame, out var length))
        {
            throw new InvalidOperationException("frame too long");
        }

        var payload = this.frame.AsSpan(KasaFrame.HeaderLength, (int)length);
        XorCipher.DecryptInPlace(payload);
        return payload[^1];
    }
}
#pragma warning restore CA1822
