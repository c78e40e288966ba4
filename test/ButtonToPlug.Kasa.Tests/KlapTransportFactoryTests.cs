using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>The protocol setting's spelling, what each setting builds, and the order <c>auto</c> probes in.</summary>
public sealed class KlapTransportFactoryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("xor", ProtocolSetting.Xor)]
    [InlineData("KLAP", ProtocolSetting.Klap)]
    [InlineData("Aes", ProtocolSetting.Aes)]
    [InlineData(" auto ", ProtocolSetting.Auto)]
    public void TryParse_KnownNames_GivesTheProtocol(string text, ProtocolSetting expected)
    {
        Assert.True(ProtocolSettingText.TryParse(text, out var protocol));
        Assert.Equal(expected, protocol);
        Assert.Equal(text.Trim().ToLowerInvariant(), protocol.ToText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("http")]
    [InlineData("tpap")]
    [InlineData(null)]
    public void TryParse_OtherText_Fails(string? text) => Assert.False(ProtocolSettingText.TryParse(text, out _));

    [Theory]
    [InlineData(9999, false, new[] { ProtocolSetting.Xor, ProtocolSetting.Klap, ProtocolSetting.Aes })]
    [InlineData(9999, true, new[] { ProtocolSetting.Klap, ProtocolSetting.Aes, ProtocolSetting.Xor })]
    [InlineData(80, false, new[] { ProtocolSetting.Klap, ProtocolSetting.Aes, ProtocolSetting.Xor })]
    [InlineData(10080, false, new[] { ProtocolSetting.Klap, ProtocolSetting.Aes, ProtocolSetting.Xor })]
    public void ProbeOrder_WithNothingRemembered_PutsCredentialsAndThePortFirst(int port, bool withCredentials, ProtocolSetting[] expected)
    {
        var credentials = withCredentials ? new KasaCredentials("owner@example.com", "secret") : null;

        Assert.Equal(expected, new KasaTransportFactory().ProbeOrder(new KasaEndpoint("plug.example.net", port), credentials));
    }

    [Theory]
    [InlineData(ProtocolSetting.Xor, typeof(XorTcpTransport))]
    [InlineData(ProtocolSetting.Klap, typeof(KlapTransport))]
    [InlineData(ProtocolSetting.Aes, typeof(AesTransport))]
    [InlineData(ProtocolSetting.Auto, typeof(KasaAutoTransport))]
    public async Task Create_ForEachSetting_BuildsThatTransport(ProtocolSetting protocol, Type expected)
    {
        await using var transport = new KasaTransportFactory().Create(new KasaEndpoint("plug.example.net", 9999), protocol, null, Timeout);

        Assert.IsType(expected, transport);
    }
}
