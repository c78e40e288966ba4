using ButtonToPlug.Kasa.Iot;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Simulator;

/// <summary>count_down rules and device-side refusals, against the simulator.</summary>
public sealed class SimulatedCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(true, 1800, 0)]
    [InlineData(false, 90, 1)]
    public async Task SwitchWithCountdown_SwitchesNowAndLeavesOneRuleToSwitchBack(bool on, int seconds, int act)
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100");
        await plugs.SetStateAsync(0, !on);
        await using var transport = Transport(plugs);

        var change = await new KasaClient(transport).SwitchWithCountdownAsync(on, TimeSpan.FromSeconds(seconds), null, CancellationToken.None);

        Assert.Equal(new RelayChange(null, on, null), change);
        Assert.Equal(on, (await plugs.ReadStateAsync(0)).IsOn);
        Assert.Equal([new SimulatedPlugs.CountdownRule(1, seconds, act)], await plugs.ReadCountdownRulesAsync(0));
    }

    [Fact]
    public async Task SwitchWithCountdown_Twice_ReplacesTheEarlierRule()
    {
        // The device holds one countdown rule and refuses add_rule while one exists ("table is full").
        await using var plugs = await SimulatedPlugs.StartAsync("hs110");
        await using var transport = Transport(plugs);
        var client = new KasaClient(transport);

        await client.SwitchWithCountdownAsync(true, TimeSpan.FromMinutes(30), null, CancellationToken.None);
        await client.SwitchWithCountdownAsync(true, TimeSpan.FromHours(2), null, CancellationToken.None);

        Assert.Equal([new SimulatedPlugs.CountdownRule(1, 7200, 0)], await plugs.ReadCountdownRulesAsync(0));
    }

    [Fact]
    public async Task SwitchWithCountdown_StripOutlet_PutsTheRuleOnThatOutlet()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        var id = plugs.Devices[0].ChildIds[3];
        await using var transport = Transport(plugs);

        await new KasaClient(transport).SwitchWithCountdownAsync(true, TimeSpan.FromSeconds(90), PlugOutlet.FromIndex(3), CancellationToken.None);

        Assert.Equal([new SimulatedPlugs.CountdownRule(1, 90, 0)], await plugs.ReadCountdownRulesAsync(0, id));
        Assert.Empty(await plugs.ReadCountdownRulesAsync(0, plugs.Devices[0].ChildIds[0]));
        Assert.Equal([id], (await plugs.ReadStateAsync(0)).Children.Where(c => c.IsOn).Select(c => c.Id));
    }

    [Theory]
    [InlineData("system", "no_such_method", -2, "member not support")]
    [InlineData("no_such_module", "get_anything", -1, "module not support")]
    public async Task UnknownCommand_IsADeviceErrorCarryingTheCode(string module, string method, int code, string message)
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100");
        await using var transport = Transport(plugs);
        var request = new IotRequest().Add(new IotMethod(module, method));

        var error = await Assert.ThrowsAsync<KasaDeviceException>(() => new IotDialect(transport).SendAsync(request, CancellationToken.None));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.DeviceMessage);
        Assert.Equal($"{module}.{method}", error.Command);
        Assert.Contains($"127.0.0.1:{plugs.Devices[0].Port}", error.Message, StringComparison.Ordinal);
    }

    private static XorTcpTransport Transport(SimulatedPlugs plugs) =>
        new(new KasaEndpoint(SimulatedPlugs.Host, plugs.Devices[0].Port), Timeout);
}
