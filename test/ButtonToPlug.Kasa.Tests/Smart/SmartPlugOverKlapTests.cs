using System.Text.Json;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Smart;

/// <summary>The device layer, unchanged, on a SMART plug behind the KLAP emulator: the dialect is found on the first exchange.</summary>
public sealed class SmartPlugOverKlapTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly KasaCredentials Account = new("owner@example.com", "tapo pass");

    [Fact]
    public async Task GetSysInfo_SmartPlug_ReadsItAndDecodesTheBase64Nickname()
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.RelayOn = true;
        await using var device = await StartAsync(plug);
        await using var transport = Transport(device);
        var client = new KasaClient(transport);

        var info = await client.GetSysInfoAsync(CancellationToken.None);

        Assert.Equal("Tapo Lampe", info.Alias);
        Assert.Equal("P110", info.Model);
        Assert.Equal("SMART.TAPOPLUG", info.DeviceType);
        Assert.Equal(SmartEmulatedDevice.ParentId, info.DeviceId);
        Assert.True(info.IsOn);
        Assert.Empty(info.Children);
        Assert.Equal(KasaDialect.Smart, client.Dialect);
    }

    [Theory]
    [InlineData(RelayAction.On, false, true)]
    [InlineData(RelayAction.Off, true, false)]
    [InlineData(RelayAction.Toggle, false, true)]
    [InlineData(RelayAction.Toggle, true, false)]
    public async Task Switch_SmartPlug_SetsTheRelayOnce(RelayAction action, bool before, bool after)
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.RelayOn = before;
        await using var device = await StartAsync(plug);
        await using var transport = Transport(device);

        var change = await new KasaClient(transport).SwitchAsync(action, null, CancellationToken.None);

        Assert.Equal(new RelayChange(action == RelayAction.Toggle ? before : null, after, null), change);
        Assert.Equal(after, plug.RelayOn);
        Assert.Single(plug.Executed, "set_device_info");
    }

    [Fact]
    public async Task On_SmartPlugRememberedAsIot_IsRefusedOnceThenSwitchedAndTheNextClickSendsOneRequest()
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await StartAsync(plug);
        var memory = new KasaDeviceMemory();
        memory.RememberDialect(device.Endpoint(), KasaDialect.Iot);
        await using (var first = Transport(device))
        {
            // IOT first, refused by the SMART device without running anything; the same request goes again as SMART.
            await new KasaClient(first, memory).SwitchAsync(RelayAction.Off, null, CancellationToken.None);
        }

        Assert.Equal(2, plug.Requests);
        await using var second = Transport(device);

        await new KasaClient(second, memory).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.Equal(3, plug.Requests);
        Assert.Equal(["set_device_info", "set_device_info"], plug.Executed);
        Assert.True(plug.RelayOn);
    }

    [Fact]
    public async Task On_IotPlugOverKlap_FallsBackToIotOnItsModuleNotSupportAndSwitchesOnce()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(Options(), CancellationToken.None);
        await using var transport = Transport(device);
        var memory = new KasaDeviceMemory();
        var client = new KasaClient(transport, memory);

        await client.SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.True(device.Plug.RelayOn);
        Assert.Equal(["system.set_relay_state"], device.Plug.Executed);
        Assert.Equal(KasaDialect.Iot, memory.DialectOf(device.Endpoint()));
    }

    [Theory]
    [InlineData(true, 1800)]
    [InlineData(false, 90)]
    public async Task SwitchWithCountdown_SmartPlug_SwitchesAndReplacesTheRuleInOneRequest(bool on, int seconds)
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await StartAsync(plug);
        await using var transport = Transport(device);
        var client = new KasaClient(transport);
        await client.SwitchWithCountdownAsync(!on, TimeSpan.FromMinutes(5), null, CancellationToken.None);
        var requestsBefore = plug.Requests;

        await client.SwitchWithCountdownAsync(on, TimeSpan.FromSeconds(seconds), null, CancellationToken.None);

        Assert.Equal(requestsBefore + 1, plug.Requests);
        Assert.Equal(on, plug.RelayOn);
        using var rule = JsonDocument.Parse(plug.CountdownRule!);
        Assert.Equal(seconds, rule.RootElement.GetProperty("delay").GetInt32());
        Assert.Equal(!on, rule.RootElement.GetProperty("desired_states").GetProperty("on").GetBoolean());
        Assert.True(rule.RootElement.GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task GetSysInfo_NicknameThatIsNotBase64_ShowsItAsItCame()
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.Nickname = "not base64!";
        await using var device = await StartAsync(plug);
        await using var transport = Transport(device);

        var info = await new KasaClient(transport).GetSysInfoAsync(CancellationToken.None);

        Assert.Equal("not base64!", info.Alias);
    }

    [Theory]
    [InlineData(-1012)]
    [InlineData(-1008)]
    public async Task On_DeviceAnsweringAnError_IsADeviceErrorCarryingTheCodeAndNothingSwitched(int code)
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.AnswerEveryRequestWith = code;
        await using var device = await StartAsync(plug);
        await using var transport = Transport(device);

        var error = await Assert.ThrowsAsync<KasaDeviceException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("set_device_info", error.Command);
        Assert.False(error.IsTransient);
        Assert.False(plug.RelayOn);
        Assert.Empty(plug.Executed);
    }

    [Fact]
    public async Task On_DeviceAnsweringBadCredentials_IsAnAuthenticationFailure()
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.AnswerEveryRequestWith = -1501;
        await using var device = await StartAsync(plug);
        await using var transport = Transport(device);

        var error = await Assert.ThrowsAsync<KasaAuthenticationException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.Contains("-1501", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_WithTheWrongPassword_IsAnAuthenticationFailureAndSwitchesNothing()
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await StartAsync(plug);
        await using var transport = new KlapTransport(device.Endpoint(), Account with { Password = "stale" }, Timeout);

        await Assert.ThrowsAsync<KasaAuthenticationException>(() => new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None));

        Assert.Equal(0, plug.Requests);
    }

    [Fact]
    public async Task On_UnboundTapoPlug_AcceptsTheTapoDefaultCredentials()
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await KlapDeviceEmulator.StartAsync(
            new KlapDeviceOptions { Username = "test@tp-link.net", Password = "test", Version = 2 }, plug, CancellationToken.None);
        await using var transport = new KlapTransport(device.Endpoint(), null, Timeout);

        await new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.True(plug.RelayOn);
        Assert.Equal(KlapAuthCandidate.DefaultLabel, transport.AcceptedCredentials);
    }

    [Fact]
    public async Task Toggle_DeviceThatClosesTheConnectionAfterEveryRequest_StillTogglesOnce()
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await StartAsync(plug);
        device.CloseAfterEachRequest = true;
        await using var transport = Transport(device);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);

        Assert.Equal(new RelayChange(false, true, null), change);
        Assert.Equal(["get_device_info", "set_device_info"], plug.Executed);
    }

    private static KlapDeviceOptions Options() => new() { Username = Account.Username, Password = Account.Password, Version = 2 };

    private static Task<KlapDeviceEmulator> StartAsync(SmartEmulatedDevice device) => KlapDeviceEmulator.StartAsync(Options(), device, CancellationToken.None);

    private static KlapTransport Transport(KlapDeviceEmulator device) => new(device.Endpoint(), Account, Timeout);
}
