using System.Text;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Tests.Transport;

public sealed class KasaFrameTests
{
    // Computed independently (python3: length.to_bytes(4, 'big') + autokey cipher); the length counts UTF-8 bytes.
    [Theory]
    [InlineData("{\"system\":{\"get_sysinfo\":{}}}", "0000001dd0f281f88bff9af7d5ef94b6d1b4c09fec95e68fe187e8caf08bf68bf6")]
    [InlineData("{\"alias\":\"Küche ☕\"}", "00000016d0f293ff96f784a69cbef5368ae981e4c426be2b0974")]
    [InlineData("A", "00000001ea")]
    public void Write_MatchesGoldenFrame(string json, string expectedHex)
    {
        var payload = Encoding.UTF8.GetBytes(json);
        var frame = new byte[KasaFrame.FrameLength(payload.Length) + 5];

        var written = KasaFrame.Write(payload, frame);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(frame.AsSpan(0, written)));
    }

    [Fact]
    public void Write_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => KasaFrame.Write(new byte[10], new byte[13]));
    }

    [Theory]
    [InlineData("00000000", 0u, true)]
    [InlineData("0000001d", 29u, true)]
    [InlineData("00100000", 1_048_576u, true)]
    [InlineData("00100001", 1_048_577u, false)]
    [InlineData("7fffffff", 2_147_483_647u, false)]
    [InlineData("ffffffff", 4_294_967_295u, false)]
    public void TryReadPayloadLength_RefusesAbsurdLengths(string headerHex, uint expected, bool accepted)
    {
        var ok = KasaFrame.TryReadPayloadLength(Convert.FromHexString(headerHex), out var announced);

        Assert.Equal(expected, announced);
        Assert.Equal(accepted, ok);
    }

    [Theory]
    [InlineData(0, 11)]
    [InlineData(100, 12)]
    [InlineData(5000, 13)]
    public void WriteThenRead_RandomPayload_RoundTrips(int length, int seed)
    {
        var payload = new byte[length];
        new Random(seed).NextBytes(payload);
        var frame = new byte[KasaFrame.FrameLength(length)];

        KasaFrame.Write(payload, frame);
        Assert.True(KasaFrame.TryReadPayloadLength(frame, out var announced));
        var body = frame[KasaFrame.HeaderLength..];
        XorCipher.DecryptInPlace(body);

        Assert.Equal((uint)length, announced);
        Assert.Equal(payload, body);
    }
}
