namespace ButtonToPlug.Kasa.Tests;

/// <summary>The exact requests the client puts on the wire for each kind of switch.</summary>
public sealed class KasaClientRequestTests
{
    private const string PlugOff = """{"system":{"get_sysinfo":{"model":"HS100(US)","relay_state":0,"err_code":0}}}""";
    private const string Strip = """{"system":{"get_sysinfo":{"model":"KP303(UK)","children":[{"id":"AB00","alias":"a","state":0},{"id":"AB01","alias":"b","state":1}],"err_code":0}}}""";
    private const string SetOk = """{"system":{"set_relay_state":{"err_code":0}}}""";
    private const string GetSysInfo = """{"system":{"get_sysinfo":{}}}""";

    [Theory]
    [InlineData(RelayAction.On, """{"system":{"set_relay_state":{"state":1}}}""")]
    [InlineData(RelayAction.Off, """{"system":{"set_relay_state":{"state":0}}}""")]
    [InlineData(RelayAction.Toggle, """{"system":{"set_relay_state":{"state":1}}}""")]
    public async Task Switch_WholePlug_ReadsThenSetsAnExplicitState(RelayAction action, string expectedSet)
    {
        var transport = new RecordingTransport(PlugOff, SetOk);

        await new KasaClient(transport).SwitchAsync(action, null, CancellationToken.None);

        Assert.Equal([GetSysInfo, expectedSet], transport.Requests);
    }

    [Fact]
    public async Task Toggle_StripOutletByIndex_AddressesTheFullChildIdInContext()
    {
        var transport = new RecordingTransport(Strip, SetOk);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, PlugOutlet.FromIndex(1), CancellationToken.None);

        Assert.Equal(new RelayChange(true, false, "AB01"), change);
        Assert.Equal([GetSysInfo, """{"context":{"child_ids":["AB01"]},"system":{"set_relay_state":{"state":0}}}"""], transport.Requests);
    }

    [Fact]
    public async Task SwitchWithCountdown_DeletesOldRulesThenAddsOneThatActsTheOtherWay()
    {
        const string answer = """{"system":{"set_relay_state":{"err_code":0}},"count_down":{"delete_all_rules":{"err_code":0},"add_rule":{"id":"X","err_code":0}}}""";
        var transport = new RecordingTransport(PlugOff, answer);

        await new KasaClient(transport).SwitchWithCountdownAsync(true, TimeSpan.FromMinutes(30), null, CancellationToken.None);

        Assert.Equal(
            """{"system":{"set_relay_state":{"state":1}},"count_down":{"delete_all_rules":{},"add_rule":{"enable":1,"delay":1800,"act":0,"name":"ButtonToPlug"}}}""",
            transport.Requests[1]);
    }

    [Fact]
    public async Task SwitchWithCountdown_RuleRefused_IsDeviceErrorNamingTheMethod()
    {
        const string answer = """{"system":{"set_relay_state":{"err_code":0}},"count_down":{"delete_all_rules":{"err_code":0},"add_rule":{"err_code":-10,"err_msg":"table is full"}}}""";
        var transport = new RecordingTransport(PlugOff, answer);

        var error = await Assert.ThrowsAsync<KasaDeviceException>(
            () => new KasaClient(transport).SwitchWithCountdownAsync(false, TimeSpan.FromSeconds(90), null, CancellationToken.None));

        Assert.Equal("count_down.add_rule", error.Command);
        Assert.Equal(-10, error.ErrorCode);
    }

    [Fact]
    public async Task Switch_OutletNotOnTheStrip_SendsNoSetRequest()
    {
        var transport = new RecordingTransport(Strip);

        await Assert.ThrowsAsync<KasaOutletException>(
            () => new KasaClient(transport).SwitchAsync(RelayAction.Off, PlugOutlet.FromIndex(2), CancellationToken.None));

        Assert.Equal([GetSysInfo], transport.Requests);
    }
}
