using ButtonToPlug.Testing;
using ButtonToPlug.Testing.Latency;

namespace ButtonToPlug.Kasa.Tests.Simulator;

/// <summary>The client against a single simulated plug (someone else's implementation of the device).</summary>
public sealed class SimulatedPlugTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("hs100", "HS100(US)", "IOT.SMARTPLUGSWITCH")]
    [InlineData("hs105", "HS105(US)", "IOT.SMARTPLUGSWITCH")]
    [InlineData("hs110", "HS110(US)", "IOT.SMARTPLUGSWITCH")]
    [InlineData("hs200", "HS200(US)", "IOT.SMARTPLUGSWITCH")]
    public async Task GetSysInfo_ReportsModelTypeAndRelay(string model, string expectedModel, string expectedType)
    {
        await using var plugs = await SimulatedPlugs.StartAsync($"{model}=Küche ☕");
        await plugs.SetStateAsync(0, on: true);
        await using var transport = Transport(plugs);

        var info = await new KasaClient(transport).GetSysInfoAsync(CancellationToken.None);

        Assert.Equal(expectedModel, info.Model);
        Assert.Equal(expectedType, info.DeviceType);
        Assert.Equal("Küche ☕", info.Alias);
        Assert.Equal(plugs.Devices[0].DeviceId, info.DeviceId);
        Assert.True(info.IsOn);
        Assert.Empty(info.Children);
    }

    [Theory]
    [InlineData(RelayAction.On, false, true)]
    [InlineData(RelayAction.On, true, true)]
    [InlineData(RelayAction.Off, true, false)]
    [InlineData(RelayAction.Off, false, false)]
    [InlineData(RelayAction.Toggle, false, true)]
    [InlineData(RelayAction.Toggle, true, false)]
    public async Task Switch_SetsTheRelayTheSimulatorHolds(RelayAction action, bool before, bool after)
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100");
        await plugs.SetStateAsync(0, before);
        await using var transport = Transport(plugs);

        var change = await new KasaClient(transport).SwitchAsync(action, outlet: null, CancellationToken.None);

        Assert.Equal(new RelayChange(action == RelayAction.Toggle ? before : null, after, null), change);
        Assert.Equal(after, (await plugs.ReadStateAsync(0)).IsOn);
    }

    [Fact]
    public async Task Toggle_Twice_ReturnsToTheFirstState()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs110");
        await using var transport = Transport(plugs);
        var client = new KasaClient(transport);

        var first = await client.SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
        Assert.True((await plugs.ReadStateAsync(0)).IsOn);
        var second = await client.SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);

        Assert.Equal(new RelayChange(false, true, null), first);
        Assert.Equal(new RelayChange(true, false, null), second);
        Assert.False((await plugs.ReadStateAsync(0)).IsOn);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Toggle_TakesOneConnectionAndTwoRequests(bool before)
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100");
        await plugs.SetStateAsync(0, before);

        // A proxy with no delay, only to count what reaches the simulator.
        await using var proxy = LatencyProxy.Start(plugs.Devices[0].Port, TimeSpan.Zero, () => new XorFrameCounter());
        await using (var transport = new XorTcpTransport(new KasaEndpoint(SimulatedPlugs.Host, proxy.Port), Timeout))
        {
            var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None);
            Assert.Equal(new RelayChange(before, !before, null), change);
        }

        Assert.Equal(!before, (await plugs.ReadStateAsync(0)).IsOn);
        Assert.Equal(new ProxyCounts(1, 2), proxy.Counts);
    }

    private static XorTcpTransport Transport(SimulatedPlugs plugs, int device = 0) =>
        new(new KasaEndpoint(SimulatedPlugs.Host, plugs.Devices[device].Port), Timeout);
}
