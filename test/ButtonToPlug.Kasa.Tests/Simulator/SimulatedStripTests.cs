using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Simulator;

/// <summary>One outlet of a simulated HS300 power strip, by index and by full child id; never the whole strip by mistake.</summary>
public sealed class SimulatedStripTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GetSysInfo_Strip_ListsSixOutletsWithFullIds()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        await using var transport = Transport(plugs);

        var info = await new KasaClient(transport).GetSysInfoAsync(CancellationToken.None);

        Assert.Equal("HS300(US)", info.Model);
        Assert.Equal("IOT.SMARTPLUGSWITCH", info.DeviceType);
        Assert.Equal(plugs.Devices[0].ChildIds, info.Children.Select(c => c.Id));
        Assert.Equal("Mock One", info.Children[0].Alias);
    }

    [Theory]
    [InlineData(RelayAction.On, false, true)]
    [InlineData(RelayAction.Off, true, false)]
    [InlineData(RelayAction.Toggle, false, true)]
    [InlineData(RelayAction.Toggle, true, false)]
    public async Task Switch_OutletByIndex_SwitchesOnlyThatOutlet(RelayAction action, bool before, bool after)
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        var ids = plugs.Devices[0].ChildIds;
        await plugs.SetStateAsync(0, before);
        await using var transport = Transport(plugs);

        var change = await new KasaClient(transport).SwitchAsync(action, PlugOutlet.FromIndex(2), CancellationToken.None);

        Assert.Equal(new RelayChange(action == RelayAction.Toggle ? before : null, after, ids[2]), change);
        var state = await plugs.ReadStateAsync(0);
        Assert.Equal(ids.Select((_, i) => i == 2 ? after : before), state.Children.Select(c => c.IsOn));
    }

    [Fact]
    public async Task Switch_OutletByFullId_SwitchesOnlyThatOutlet()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        var id = plugs.Devices[0].ChildIds[4];
        await using var transport = Transport(plugs);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.On, PlugOutlet.Parse(id), CancellationToken.None);

        Assert.Equal(new RelayChange(null, true, id), change);
        var state = await plugs.ReadStateAsync(0);
        Assert.Equal([id], state.Children.Where(c => c.IsOn).Select(c => c.Id));
    }

    [Fact]
    public async Task On_OutletByIndexWithItsIdRemembered_SwitchesOnlyThatOutletWithNothingReadBefore()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        var ids = plugs.Devices[0].ChildIds;
        var memory = new KasaDeviceMemory();
        await using (var first = Transport(plugs))
        {
            await new KasaClient(first, memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(3), CancellationToken.None);
        }

        await plugs.SetStateAsync(0, false);
        await using var second = Transport(plugs);

        var change = await new KasaClient(second, memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(3), CancellationToken.None);

        // The remembered full child id goes in the command's context: one outlet switches, never the whole strip.
        Assert.Equal(new RelayChange(null, true, ids[3]), change);
        Assert.Equal([ids[3]], (await plugs.ReadStateAsync(0)).Children.Where(c => c.IsOn).Select(c => c.Id));
    }

    [Fact]
    public async Task Toggle_OutletTwice_ReturnsItToOff()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        var id = plugs.Devices[0].ChildIds[1];
        await using var transport = Transport(plugs);
        var client = new KasaClient(transport);

        await client.SwitchAsync(RelayAction.Toggle, PlugOutlet.FromIndex(1), CancellationToken.None);
        Assert.True((await plugs.ReadStateAsync(0)).Children[1].IsOn);
        var second = await client.SwitchAsync(RelayAction.Toggle, PlugOutlet.FromIndex(1), CancellationToken.None);

        Assert.Equal(new RelayChange(true, false, id), second);
        Assert.All((await plugs.ReadStateAsync(0)).Children, c => Assert.False(c.IsOn));
    }

    [Fact]
    public async Task Switch_NoOutletOnAStrip_SwitchesEveryOutlet()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        await using var transport = Transport(plugs);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.Equal(new RelayChange(null, true, null), change);
        Assert.All((await plugs.ReadStateAsync(0)).Children, c => Assert.True(c.IsOn));
    }

    [Theory]
    [InlineData("6", "has no outlet 6")]
    [InlineData("99", "has no outlet 99")]
    [InlineData("DEADBEEF00", "has no outlet with id DEADBEEF00")]
    public async Task Switch_OutletTheStripDoesNotHave_FailsListingOutletsAndSwitchesNothing(string outlet, string expected)
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        await using var transport = Transport(plugs);

        var error = await Assert.ThrowsAsync<KasaOutletException>(
            () => new KasaClient(transport).SwitchAsync(RelayAction.On, PlugOutlet.Parse(outlet), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains($"5 'Mock Six' (id {plugs.Devices[0].ChildIds[5]})", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Outlets.Count);
        Assert.All((await plugs.ReadStateAsync(0)).Children, c => Assert.False(c.IsOn));
    }

    [Fact]
    public async Task Switch_OutletOnASinglePlug_FailsAndSwitchesNothing()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100");
        await using var transport = Transport(plugs);

        var error = await Assert.ThrowsAsync<KasaOutletException>(
            () => new KasaClient(transport).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(0), CancellationToken.None));

        Assert.Contains("not a power strip", error.Message, StringComparison.Ordinal);
        Assert.False((await plugs.ReadStateAsync(0)).IsOn);
    }

    private static XorTcpTransport Transport(SimulatedPlugs plugs) =>
        new(new KasaEndpoint(SimulatedPlugs.Host, plugs.Devices[0].Port), Timeout);
}
