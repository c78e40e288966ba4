using System.Security.Cryptography;
using System.Text;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>The client session cipher against the emulator's device cipher, and what it does with replies it must not trust.</summary>
public sealed class KlapSessionTests
{
    private static readonly byte[] LocalSeed = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] RemoteSeed = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] AuthHash = KlapDeviceCrypto.AuthHash(2, "owner@example.com", "secret");

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"system":{"set_relay_state":{"state":1}}}""")]
    [InlineData("""{"system":{"set_dev_alias":{"alias":"Küche ☕ exactly sixteen"}}}""")]
    public void SealThenDeviceReply_RoundTripsThroughTheDeviceCipher(string json)
    {
        using var session = new KlapSession(LocalSeed, RemoteSeed, AuthHash);
        var device = new KlapDeviceCipher(LocalSeed, RemoteSeed, AuthHash);

        var request = session.Seal(Encoding.UTF8.GetBytes(json));
        var seenByDevice = device.OpenRequest(request.Body, request.Sequence);
        var reply = session.Open(device.SealReply(seenByDevice!, request.Sequence), request.Sequence, out var signatureMatches);

        Assert.Equal(unchecked(device.InitialSequence + 1), request.Sequence);
        Assert.Equal(json, Encoding.UTF8.GetString(reply));
        Assert.True(signatureMatches);
    }

    [Fact]
    public void Seal_EachRequest_AdvancesTheSequenceByOne()
    {
        using var session = new KlapSession(LocalSeed, RemoteSeed, AuthHash);
        var first = session.Seal("{}"u8);

        var second = session.Seal("{}"u8);

        Assert.Equal(unchecked(first.Sequence + 1), second.Sequence);
        Assert.NotEqual(first.Body, second.Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Open_WhenTheSignatureDiffers_StillDecryptsAndSaysItDoesNotMatch(int index)
    {
        using var session = new KlapSession(LocalSeed, RemoteSeed, AuthHash);
        var device = new KlapDeviceCipher(LocalSeed, RemoteSeed, AuthHash);
        const string json = """{"system":{"get_sysinfo":{"err_code":0}}}""";
        var reply = device.SealReply(Encoding.UTF8.GetBytes(json), 5);
        reply[index] ^= 0x80;

        var plaintext = session.Open(reply, 5, out var signatureMatches);

        Assert.False(signatureMatches);
        Assert.Equal(json, Encoding.UTF8.GetString(plaintext));
    }

    [Fact]
    public void Open_WhenTheLastBlockChanged_RefusesItsPadding()
    {
        using var session = new KlapSession(LocalSeed, RemoteSeed, AuthHash);
        var device = new KlapDeviceCipher(LocalSeed, RemoteSeed, AuthHash);
        var reply = device.SealReply("""{"system":{"get_sysinfo":{"err_code":0}}}"""u8.ToArray(), 5);
        reply[^1] ^= 0x80;

        Assert.Throws<CryptographicException>(() => session.Open(reply, 5, out _));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(4)]
    public void Open_ReplyForAnotherSequence_NeverPassesAsSigned(int sequence)
    {
        using var session = new KlapSession(LocalSeed, RemoteSeed, AuthHash);
        var device = new KlapDeviceCipher(LocalSeed, RemoteSeed, AuthHash);
        var reply = device.SealReply("{}"u8.ToArray(), 5);

        var signed = false;
        try
        {
            session.Open(reply, sequence, out signed);
        }
        catch (CryptographicException)
        {
            // Under the wrong IV the padding usually breaks; either way the reply must not pass as this request's.
        }

        Assert.False(signed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(40)]
    [InlineData(65)]
    public void Open_ReplyThatIsNotSignaturePlusWholeBlocks_Refuses(int length)
    {
        using var session = new KlapSession(LocalSeed, RemoteSeed, AuthHash);

        Assert.Throws<CryptographicException>(() => session.Open(new byte[length], 1, out _));
    }
}
