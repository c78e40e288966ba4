namespace ButtonToPlug.Kasa.Tests;

/// <summary>The exact requests the client puts on the wire for each kind of switch.</summary>
public sealed class KasaClientRequestTests
{
    private const string PlugOff = """{"system":{"get_sysinfo":{"model":"HS100(US)","relay_state":0,"err_code":0}}}""";
    private const string Strip = """{"system":{"get_sysinfo":{"model":"KP303(UK)","children":[{"id":"AB00","alias":"a","state":0},{"id":"AB01","alias":"b","state":1}],"err_code":0}}}""";
    private const string StripRenumbered = """{"system":{"get_sysinfo":{"model":"KP303(UK)","children":[{"id":"CD00","alias":"a","state":0},{"id":"CD01","alias":"b","state":1}],"err_code":0}}}""";
    private const string SetOk = """{"system":{"set_relay_state":{"err_code":0}}}""";
    private const string EntryNotExist = """{"system":{"set_relay_state":{"err_code":-14,"err_msg":"entry not exist"}}}""";
    private const string GetSysInfo = """{"system":{"get_sysinfo":{}}}""";

    [Theory]
    [InlineData(RelayAction.On, """{"system":{"set_relay_state":{"state":1}}}""")]
    [InlineData(RelayAction.Off, """{"system":{"set_relay_state":{"state":0}}}""")]
    public async Task OnOrOff_WholePlug_SendsTheSwitchCommandAloneAndReportsNoBefore(RelayAction action, string expectedSet)
    {
        var transport = new RecordingTransport(SetOk);

        var change = await new KasaClient(transport).SwitchAsync(action, null, CancellationToken.None);

        Assert.Equal([expectedSet], transport.Requests);
        Assert.Null(change.WasOn);
    }

    [Fact]
    public async Task Toggle_WholePlug_ReadsThenSetsTheOtherStateOnOneConnection()
    {
        var transport = new RecordingTransport(PlugOff, SetOk);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);

        Assert.Equal([GetSysInfo, """{"system":{"set_relay_state":{"state":1}}}"""], transport.Requests);
        Assert.Equal(new RelayChange(false, true, null), change);
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
    public async Task On_StripOutletByIndex_ResolvesItOnceThenSendsOnlyTheSwitchWithItsChildId()
    {
        var memory = new KasaDeviceMemory();
        var first = new RecordingTransport(Strip, SetOk);
        var second = new RecordingTransport(SetOk);
        const string SwitchOutlet1 = """{"context":{"child_ids":["AB01"]},"system":{"set_relay_state":{"state":1}}}""";

        await new KasaClient(first, memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(1), CancellationToken.None);
        var change = await new KasaClient(second, memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(1), CancellationToken.None);

        Assert.Equal([GetSysInfo, SwitchOutlet1], first.Requests);
        Assert.Equal([SwitchOutlet1], second.Requests);
        Assert.Equal(new RelayChange(null, true, "AB01"), change);
    }

    [Fact]
    public async Task On_RememberedChildIdTheStripNoLongerHas_ReadsAfreshAndSwitchesTheNewIdOnce()
    {
        var memory = new KasaDeviceMemory();
        await new KasaClient(new RecordingTransport(Strip, SetOk), memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(1), CancellationToken.None);
        var transport = new RecordingTransport(EntryNotExist, StripRenumbered, SetOk);

        var change = await new KasaClient(transport, memory).SwitchAsync(RelayAction.Off, PlugOutlet.FromIndex(1), CancellationToken.None);

        Assert.Equal(
            [
                """{"context":{"child_ids":["AB01"]},"system":{"set_relay_state":{"state":0}}}""",
                GetSysInfo,
                """{"context":{"child_ids":["CD01"]},"system":{"set_relay_state":{"state":0}}}""",
            ],
            transport.Requests);
        Assert.Equal(new RelayChange(null, false, "CD01"), change);
    }

    [Fact]
    public async Task On_ChildIdRefusedThatWasNotRemembered_IsTheStripsOwnErrorAndIsNotResent()
    {
        var transport = new RecordingTransport(Strip, EntryNotExist);

        var error = await Assert.ThrowsAsync<KasaDeviceException>(
            () => new KasaClient(transport).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(0), CancellationToken.None));

        Assert.Equal(-14, error.ErrorCode);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task SwitchWithCountdown_SendsSwitchDeleteAndAddInOneRequestWithNothingReadBefore()
    {
        const string answer = """{"system":{"set_relay_state":{"err_code":0}},"count_down":{"delete_all_rules":{"err_code":0},"add_rule":{"id":"X","err_code":0}}}""";
        var transport = new RecordingTransport(answer);

        await new KasaClient(transport).SwitchWithCountdownAsync(true, TimeSpan.FromMinutes(30), null, CancellationToken.None);

        Assert.Equal(
            ["""{"system":{"set_relay_state":{"state":1}},"count_down":{"delete_all_rules":{},"add_rule":{"enable":1,"delay":1800,"act":0,"name":"ButtonToPlug"}}}"""],
            transport.Requests);
    }

    [Fact]
    public async Task SwitchWithCountdown_RuleRefused_IsDeviceErrorNamingTheMethod()
    {
        const string answer = """{"system":{"set_relay_state":{"err_code":0}},"count_down":{"delete_all_rules":{"err_code":0},"add_rule":{"err_code":-10,"err_msg":"table is full"}}}""";
        var transport = new RecordingTransport(answer);

        var error = await Assert.ThrowsAsync<KasaDeviceException>(
            () => new KasaClient(transport).SwitchWithCountdownAsync(false, TimeSpan.FromSeconds(90), null, CancellationToken.None));

        Assert.Equal("count_down.add_rule", error.Command);
        Assert.Equal(-10, error.ErrorCode);
    }

    [Theory]
    [InlineData(RelayAction.On)]
    [InlineData(RelayAction.Off)]
    [InlineData(RelayAction.Toggle)]
    public async Task Switch_OutletNotOnTheStrip_SendsNoSetRequest(RelayAction action)
    {
        var transport = new RecordingTransport(Strip);

        await Assert.ThrowsAsync<KasaOutletException>(
            () => new KasaClient(transport).SwitchAsync(action, PlugOutlet.FromIndex(2), CancellationToken.None));

        Assert.Equal([GetSysInfo], transport.Requests);
    }

    [Fact]
    public async Task On_RememberedIdGoneAndTheOutletGoneToo_FailsListingOutletsAndNeverSendsAContextlessCommand()
    {
        var memory = new KasaDeviceMemory();
        await new KasaClient(new RecordingTransport(Strip, SetOk), memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(1), CancellationToken.None);
        const string OneOutletLeft = """{"system":{"get_sysinfo":{"model":"KP303(UK)","children":[{"id":"CD00","alias":"a","state":0}],"err_code":0}}}""";
        var transport = new RecordingTransport(EntryNotExist, OneOutletLeft);

        await Assert.ThrowsAsync<KasaOutletException>(
            () => new KasaClient(transport, memory).SwitchAsync(RelayAction.On, PlugOutlet.FromIndex(1), CancellationToken.None));

        Assert.Equal(2, transport.Requests.Count);
        Assert.All(transport.Requests.Where(r => r.Contains("set_relay_state", StringComparison.Ordinal)), r => Assert.Contains("child_ids", r, StringComparison.Ordinal));
    }
}
