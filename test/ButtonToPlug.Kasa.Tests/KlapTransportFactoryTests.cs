using System.Net;
using System.Net.Sockets;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>Choosing XOR or KLAP: what each setting builds, and how <c>auto</c> falls back once and remembers.</summary>
public sealed class KlapTransportFactoryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("xor", ProtocolSetting.Xor)]
    [InlineData("KLAP", ProtocolSetting.Klap)]
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
    [InlineData(null)]
    public void TryParse_OtherText_Fails(string? text) => Assert.False(ProtocolSettingText.TryParse(text, out _));

    [Theory]
    [InlineData(9999, ProtocolSetting.Xor)]
    [InlineData(80, ProtocolSetting.Klap)]
    [InlineData(10080, ProtocolSetting.Xor)]
    public void FirstChoice_WithNothingRemembered_FollowsThePort(int port, ProtocolSetting expected) =>
        Assert.Equal(expected, new KasaTransportFactory().FirstChoice(new KasaEndpoint("plug.example.net", port)));

    [Theory]
    [InlineData(ProtocolSetting.Xor, typeof(XorTcpTransport))]
    [InlineData(ProtocolSetting.Klap, typeof(KlapTransport))]
    [InlineData(ProtocolSetting.Auto, typeof(KasaFallbackTransport))]
    public async Task Create_ForEachSetting_BuildsThatTransport(ProtocolSetting protocol, Type expected)
    {
        await using var transport = new KasaTransportFactory().Create(new KasaEndpoint("plug.example.net", 9999), protocol, null, Timeout);

        Assert.IsType(expected, transport);
    }

    [Fact]
    public async Task Auto_OnAKlapPlugBehindAnXorPort_FallsBackToKlapAndRemembersIt()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        var factory = new KasaTransportFactory();
        Assert.Equal(ProtocolSetting.Xor, factory.FirstChoice(device.Endpoint()));

        await using (var transport = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
        }

        Assert.True(device.Plug.RelayOn);
        Assert.Equal(["system.get_sysinfo", "system.set_relay_state"], device.Plug.Executed);
        Assert.Equal(ProtocolSetting.Klap, factory.FirstChoice(device.Endpoint()));
    }

    [Fact]
    public async Task Auto_OnAnXorPlugRememberedAsKlap_FallsBackToXorAndRemembersIt()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100");
        var endpoint = new KasaEndpoint(SimulatedPlugs.Host, plugs.Devices[0].Port);
        var factory = new KasaTransportFactory();
        await using (var first = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(first).GetSysInfoAsync(CancellationToken.None);
        }

        // The simulator, like a legacy plug, waits silently for the rest of an absurdly long "frame", so keep the wait short.
        await using var klapFirst = new KasaFallbackTransport(
            endpoint, ProtocolSetting.Klap, chosen => factory.Create(endpoint, chosen, null, TimeSpan.FromSeconds(1.5)), _ => { });
        var change = await new KasaClient(klapFirst).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.Equal(ProtocolSetting.Xor, factory.FirstChoice(endpoint));
        Assert.Equal(ProtocolSetting.Xor, klapFirst.Current);
        Assert.True(change.IsOn);
        Assert.True((await plugs.ReadStateAsync(0)).IsOn);
    }

    [Fact]
    public async Task Auto_AfterKlapWorked_DoesNotFallBackWhenALaterRequestGoesUnanswered()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        var factory = new KasaTransportFactory();
        await using var transport = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, TimeSpan.FromMilliseconds(700));
        var client = new KasaClient(transport);
        await client.GetSysInfoAsync(CancellationToken.None);
        device.StallRequests = true;

        var error = await Assert.ThrowsAsync<KasaUnreachableException>(() => client.SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.True(error.RequestSent);
        Assert.Equal(ProtocolSetting.Klap, ((KasaFallbackTransport)transport).Current);
    }

    [Fact]
    public async Task Auto_WhenTheKlapReplyCannotBeTrusted_DoesNotResendOverXor()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        device.Quirks = new KlapDeviceQuirks { HtmlInsteadOfCiphertext = true };
        await using var klapFirst = new KasaFallbackTransport(
            device.Endpoint(), ProtocolSetting.Klap, chosen => new KasaTransportFactory().Create(device.Endpoint(), chosen, null, Timeout), _ => { });

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => klapFirst.SendAsync("""{"system":{"set_relay_state":{"state":1}}}"""u8.ToArray(), CancellationToken.None));

        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProtocolSetting.Klap, klapFirst.Current);
    }

    [Fact]
    public async Task Auto_WhenNothingListens_IsUnreachableWithoutRequestSent()
    {
        var endpoint = new KasaEndpoint(IPAddress.Loopback.ToString(), ClosedPort());
        var factory = new KasaTransportFactory();
        await using var transport = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout);

        var error = await Assert.ThrowsAsync<KasaUnreachableException>(() => new KasaClient(transport).GetSysInfoAsync(CancellationToken.None));

        Assert.False(error.RequestSent);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProtocolSetting.Klap, ((KasaFallbackTransport)transport).Current);
        Assert.Equal(ProtocolSetting.Xor, factory.FirstChoice(endpoint));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
