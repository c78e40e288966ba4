using System.Text.Json;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>The command layer, unchanged, over KLAP: the same KasaClient that drives XOR plugs switches the KLAP emulator.</summary>
public sealed class KlapKasaClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(RelayAction.On, false, true)]
    [InlineData(RelayAction.On, true, true)]
    [InlineData(RelayAction.Off, true, false)]
    [InlineData(RelayAction.Off, false, false)]
    [InlineData(RelayAction.Toggle, false, true)]
    [InlineData(RelayAction.Toggle, true, false)]
    public async Task Switch_OverKlap_SetsTheEmulatedRelay(RelayAction action, bool before, bool after)
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Username = "me@example.com", Password = "pw", Version = 2 }, CancellationToken.None);
        device.Plug.RelayOn = before;
        await using var transport = new KlapTransport(device.Endpoint(), new KasaCredentials("me@example.com", "pw"), Timeout);

        var change = await new KasaClient(transport).SwitchAsync(action, outlet: null, CancellationToken.None);

        // Only a toggle reads first; on and off send the switch command alone.
        Assert.Equal(new RelayChange(action == RelayAction.Toggle ? before : null, after, null), change);
        Assert.Equal(after, device.Plug.RelayOn);
        Assert.Equal(1, device.Handshakes);
    }

    [Fact]
    public async Task GetSysInfo_OverKlapV1_ReadsTheEmulatedPlug()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Version = 1, Model = "HS110(UK)" }, CancellationToken.None);
        device.Plug.RelayOn = true;
        await using var transport = new KlapTransport(device.Endpoint(), null, Timeout);

        var info = await new KasaClient(transport).GetSysInfoAsync(CancellationToken.None);

        Assert.Equal("HS110(UK)", info.Model);
        Assert.Equal("IOT.SMARTPLUGSWITCH", info.DeviceType);
        Assert.True(info.IsOn);
    }

    [Fact]
    public async Task SwitchWithCountdown_OverKlap_SwitchesAndLeavesTheSwitchBackRule()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        await using var transport = new KlapTransport(device.Endpoint(), null, Timeout);

        var change = await new KasaClient(transport).SwitchWithCountdownAsync(true, TimeSpan.FromMinutes(30), null, CancellationToken.None);

        Assert.True(change.IsOn);
        Assert.True(device.Plug.RelayOn);
        using var rule = JsonDocument.Parse(device.Plug.CountdownRule!);
        Assert.Equal(1800, rule.RootElement.GetProperty("delay").GetInt32());
        Assert.Equal(0, rule.RootElement.GetProperty("act").GetInt32());
    }
}
