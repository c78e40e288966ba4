using System.Text.Json;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Smart;

/// <summary>A SMART strip behind the KLAP emulator: outlets by position or full id, paged child lists, never the whole strip by mistake.</summary>
public sealed class SmartStripOverKlapTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task GetSysInfo_StripPagedOutOfOrder_ListsOutletsByPositionWithDecodedNames()
    {
        var strip = SmartEmulatedDevice.Strip(outlets: 3);
        strip.ChildPageSize = 2;
        strip.ListOrder = [2, 0, 1];
        strip.Outlets[1].On = true;
        await using var device = await StartAsync(strip);
        await using var transport = Transport(device);

        var info = await new KasaClient(transport).GetSysInfoAsync(CancellationToken.None);

        Assert.Equal("P300", info.Model);
        Assert.Equal(strip.Outlets.Select(o => o.DeviceId), info.Children.Select(c => c.Id));
        Assert.Equal(["Outlet 1", "Outlet 2", "Outlet 3"], info.Children.Select(c => c.Alias));
        Assert.True(info.IsOn);
        Assert.Equal(["get_device_info", "get_child_device_list", "get_child_device_list"], strip.Executed);
    }

    [Theory]
    [InlineData(RelayAction.On, false, true)]
    [InlineData(RelayAction.Off, true, false)]
    [InlineData(RelayAction.Toggle, false, true)]
    public async Task Switch_OutletByIndex_SwitchesOnlyThatOutletThroughControlChild(RelayAction action, bool before, bool after)
    {
        var strip = SmartEmulatedDevice.Strip();
        foreach (var outlet in strip.Outlets)
        {
            outlet.On = before;
        }

        await using var device = await StartAsync(strip);
        await using var transport = Transport(device);

        var change = await new KasaClient(transport).SwitchAsync(action, PlugOutlet.FromIndex(2), CancellationToken.None);

        Assert.Equal(new RelayChange(action == RelayAction.Toggle ? before : null, after, strip.Outlets[2].DeviceId), change);
        Assert.Equal([before, before, after], strip.Outlets.Select(o => o.On));
        Assert.Single(strip.Executed, "control_child/set_device_info");
    }

    [Fact]
    public async Task On_OutletByFullId_SwitchesItAndRemembersItForTheNextClick()
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var device = await StartAsync(strip);
        var memory = new KasaDeviceMemory();
        var outlet = PlugOutlet.Parse(strip.Outlets[1].DeviceId);
        await using (var first = Transport(device))
        {
            await new KasaClient(first, memory).SwitchAsync(RelayAction.On, outlet, CancellationToken.None);
        }

        await using var second = Transport(device);
        var requests = strip.Requests;

        await new KasaClient(second, memory).SwitchAsync(RelayAction.Off, outlet, CancellationToken.None);

        Assert.Equal(requests + 1, strip.Requests);
        Assert.False(strip.Outlets[1].On);
        Assert.Equal(2, strip.Executed.Count(m => m == "control_child/set_device_info"));
    }

    [Fact]
    public async Task On_RememberedChildIdTheStripNoLongerHas_ReadsAfreshAndSwitchesTheNewIdOnce()
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var device = await StartAsync(strip);
        var memory = new KasaDeviceMemory();
        await using (var first = Transport(device))
        {
            await new KasaClient(first, memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(0), CancellationToken.None);
        }

        strip.Outlets[0].DeviceId = "9999A1B2C3D4E5F60718293A4B5C6D7E8F90123400";
        strip.Outlets[0].On = false;
        await using var second = Transport(device);

        var change = await new KasaClient(second, memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(0), CancellationToken.None);

        Assert.Equal(strip.Outlets[0].DeviceId, change.ChildId);
        Assert.True(strip.Outlets[0].On);
        Assert.Equal(2, strip.Executed.Count(m => m == "control_child/set_device_info"));
    }

    [Theory]
    [InlineData("3", "has no outlet 3")]
    [InlineData("DEADBEEF00", "has no outlet with id DEADBEEF00")]
    public async Task On_OutletTheStripDoesNotHave_FailsListingOutletsAndSwitchesNothing(string outlet, string expected)
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var device = await StartAsync(strip);
        await using var transport = Transport(device);

        var error = await Assert.ThrowsAsync<KasaOutletException>(
            () => new KasaClient(transport).SwitchAsync(RelayAction.On, PlugOutlet.Parse(outlet), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("2 'Outlet 3'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(strip.Executed, m => m.Contains("set_device_info", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSysInfo_ChildPagesThatNeverReachSum_IsAProtocolErrorWithinTheBound()
    {
        var strip = SmartEmulatedDevice.Strip();
        strip.ChildPageSize = 1;
        strip.ReportedChildSum = 50;
        await using var device = await StartAsync(strip);
        await using var transport = Transport(device);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => new KasaClient(transport).GetSysInfoAsync(CancellationToken.None));

        Assert.Contains("says it has 50 outlets", error.Message, StringComparison.Ordinal);
        Assert.InRange(strip.Executed.Count(m => m == "get_child_device_list"), 1, 8);
    }

    [Fact]
    public async Task SwitchWithCountdown_Outlet_LeavesTheRuleOnThatOutletOnly()
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var device = await StartAsync(strip);
        await using var transport = Transport(device);

        await new KasaClient(transport).SwitchWithCountdownAsync(true, TimeSpan.FromSeconds(90), PlugOutlet.FromIndex(1), CancellationToken.None);

        Assert.True(strip.Outlets[1].On);
        using var rule = JsonDocument.Parse(strip.Outlets[1].CountdownRule!);
        Assert.Equal(90, rule.RootElement.GetProperty("delay").GetInt32());
        Assert.Null(strip.Outlets[0].CountdownRule);
        Assert.Null(strip.CountdownRule);
    }

    private static Task<KlapDeviceEmulator> StartAsync(SmartEmulatedDevice device) =>
        KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Version = 2 }, device, CancellationToken.None);

    private static KlapTransport Transport(KlapDeviceEmulator device) => new(device.Endpoint(), null, Timeout);
}
