using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Kasa;
using ButtonToPlug.Plug;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Faults;
using ButtonToPlug.Tests.Support;
using FaultClicks = ButtonToPlug.Tests.Faults.Clicks;

namespace ButtonToPlug.Tests;

/// <summary>
/// Clicks through <see cref="Function.HandleAsync"/> onto SMART (Tapo) devices behind the KLAP emulator and, for the actions,
/// the AES emulator too: the same settings, result and log shape as for IOT plugs, the dialect found by itself, and every bad
/// answer classified with nothing switched twice.
/// </summary>
public sealed class SmartFunctionTests : IDisposable
{
    private const string Email = "owner@example.com";
    private const string Password = "tapo secret";
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly CapturedLog log = new();

    public void Dispose() => this.log.Dispose();

    [Theory]
    [InlineData("klap", "toggle", false, true, "off", null, 2)]
    [InlineData("klap", "toggle", true, false, "on", null, 2)]
    [InlineData("klap", "on", false, true, null, null, 1)]
    [InlineData("klap", "off", true, false, null, null, 1)]
    [InlineData("klap", "on:30m", false, true, null, 1800, 1)]
    [InlineData("aes", "toggle", false, true, "off", null, 2)]
    [InlineData("aes", "toggle", true, false, "on", null, 2)]
    [InlineData("aes", "on", false, true, null, null, 1)]
    [InlineData("aes", "off", true, false, null, null, 1)]
    [InlineData("aes", "on:30m", false, true, null, 1800, 1)]
    [InlineData("aes", "off:90s", true, false, null, 90, 1)]
    [InlineData("auto", "on", false, true, null, null, 1)]
    [InlineData("auto", "toggle", true, false, "on", null, 2)]
    public async Task Click_OnASmartPlug_SwitchesItAndReportsLikeAnIotPlug(
        string protocol, string action, bool start, bool end, string? before, int? countdown, int requests)
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.RelayOn = start;
        await using var device = await HostAsync(protocol, plug);

        using var result = await ClickAsync(protocol, device, action);

        Assert.Equal(end, plug.RelayOn);
        Assert.Single(plug.Executed, "set_device_info");
        Assert.Equal(requests, plug.Requests);
        Assert.Equal(before, Text(result.RootElement, "before"));
        Assert.Equal(end ? "on" : "off", Text(result.RootElement, "after"));
        Assert.Equal(countdown, result.RootElement.GetProperty("countdownSeconds").ValueKind == JsonValueKind.Null ? null : result.RootElement.GetProperty("countdownSeconds").GetInt32());
        Assert.Equal(countdown is null, plug.CountdownRule is null);
        var line = Assert.Single(this.log.ClickLines);
        Assert.Equal("ok", line.GetProperty("outcome").GetString());
        Assert.DoesNotContain(Password, this.log.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("klap", "on")]
    [InlineData("klap", "toggle")]
    [InlineData("aes", "on")]
    [InlineData("aes", "toggle")]
    [InlineData("aes", "off")]
    public async Task Click_OnASmartStripOutlet_SwitchesOnlyThatOutlet(string protocol, string action)
    {
        var strip = SmartEmulatedDevice.Strip();
        strip.Outlets[0].On = action == "off";
        strip.Outlets[1].On = action == "off";
        await using var device = await HostAsync(protocol, strip);

        using var result = await ClickAsync(protocol, device, action, (SettingNames.Outlet, "1"));

        Assert.Equal([action == "off", action != "off", false], strip.Outlets.Select(o => o.On));
        Assert.Equal("1", Text(result.RootElement, "outlet"));
        Assert.Single(strip.Executed, "control_child/set_device_info");
    }

    [Theory]
    [InlineData("klap")]
    [InlineData("aes")]
    public async Task Click_OnASmartStripOutletWithACountdown_SwitchesItAndLeavesTheRuleOnThatOutletOnly(string protocol)
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var device = await HostAsync(protocol, strip);

        using var result = await ClickAsync(protocol, device, "on:2h", (SettingNames.Outlet, "2"));

        Assert.Equal([false, false, true], strip.Outlets.Select(o => o.On));
        Assert.Equal(7200, result.RootElement.GetProperty("countdownSeconds").GetInt32());
        Assert.Contains("\"delay\":7200", strip.Outlets[2].CountdownRule, StringComparison.Ordinal);
        Assert.Null(strip.Outlets[0].CountdownRule);
        Assert.Null(strip.CountdownRule);
    }

    [Theory]
    [InlineData("klap")]
    [InlineData("aes")]
    public async Task Click_OnASmartStripWithoutOutlet_SwitchesEveryOutletOnce(string protocol)
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var device = await HostAsync(protocol, strip);

        using var result = await ClickAsync(protocol, device, "on");

        Assert.All(strip.Outlets, o => Assert.True(o.On));
        Assert.Equal(3, strip.Executed.Count(m => m == "control_child/set_device_info"));
    }

    [Fact]
    public async Task Click_WithTheWrongPassword_IsAConfigurationErrorAndSwitchesNothing()
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await StartAsync(plug);

        var error = await FailAsync(device, "on", (SettingNames.Password, "stale password"));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, plug.Requests);
    }

    [Theory]
    [InlineData(-1012)]
    [InlineData(-1008)]
    public async Task Click_SmartPlugAnsweringAnErrorCode_IsAPlugErrorWithTheCodeAndNothingSwitched(int code)
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.AnswerEveryRequestWith = code;
        await using var device = await StartAsync(plug);

        var error = await FailAsync(device, "on");

        Assert.Equal(ErrorTypes.PlugError, error.ErrorType);
        Assert.Contains($"error_code {code}", error.Message, StringComparison.Ordinal);
        Assert.Empty(plug.Executed);
    }

    [Fact]
    public async Task Click_StripChildIdThatDoesNotExist_IsAConfigurationErrorListingTheOutlets()
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var device = await StartAsync(strip);

        var error = await FailAsync(device, "on", (SettingNames.Outlet, SmartEmulatedDevice.ParentId + "77"));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains($"0 'Outlet 1' (id {strip.Outlets[0].DeviceId})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(strip.Executed, m => m.EndsWith("set_device_info", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Click_ChildPagesThatNeverReachSum_IsAProtocolError()
    {
        var strip = SmartEmulatedDevice.Strip();
        strip.ChildPageSize = 1;
        strip.ReportedChildSum = 9;
        await using var device = await StartAsync(strip);

        var error = await FailAsync(device, "toggle", (SettingNames.Outlet, "0"));

        Assert.Equal(ErrorTypes.ProtocolError, error.ErrorType);
        Assert.DoesNotContain(strip.Executed, m => m.EndsWith("set_device_info", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Click_DeviceThatClosesTheConnectionAfterEveryRequest_TogglesOnce()
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await StartAsync(plug);
        device.CloseAfterEachRequest = true;

        using var result = await ClickAsync(device, "toggle");

        Assert.True(plug.RelayOn);
        Assert.Equal(["get_device_info", "set_device_info"], plug.Executed);
    }

    [Fact]
    public void RetryRule_TransientSmartRefusal_RunsPlainOnAgainButNeverAToggle()
    {
        var busy = new KasaDeviceException(new KasaEndpoint("plug", 80), "set_device_info", 9999, "session lapsed", isTransient: true);

        Assert.True(PlugRetryRule.MayRetry(busy, ButtonToPlug.Actions.ClickAction.On, 1, Hang, TimeSpan.FromSeconds(3)));
        Assert.False(PlugRetryRule.MayRetry(busy, ButtonToPlug.Actions.ClickAction.Toggle, 1, Hang, TimeSpan.FromSeconds(3)));
    }

    private static Task<KlapDeviceEmulator> StartAsync(SmartEmulatedDevice device) =>
        KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Username = Email, Password = Password, Version = 2 }, device, CancellationToken.None);

    /// <summary>The device behind the KLAP emulator (<c>klap</c>), else behind the AES emulator (<c>aes</c>, and <c>auto</c>, which finds it).</summary>
    private static async Task<IAsyncDisposable> HostAsync(string protocol, SmartEmulatedDevice device) => protocol == "klap"
        ? await StartAsync(device)
        : await AesDeviceEmulator.StartAsync(new AesDeviceOptions { Username = Email, Password = Password }, device, CancellationToken.None);

    private Task<JsonDocument> ClickAsync(KlapDeviceEmulator device, string action, params (string Key, string Value)[] more) =>
        ClickAsync("klap", device.Port, action, more);

    private Task<JsonDocument> ClickAsync(string protocol, IAsyncDisposable device, string action, params (string Key, string Value)[] more) =>
        ClickAsync(protocol, device is KlapDeviceEmulator klap ? klap.Port : ((AesDeviceEmulator)device).Port, action, more);

    private async Task<JsonDocument> ClickAsync(string protocol, int port, string action, (string Key, string Value)[] more)
    {
        var result = await NewFunction(protocol, port, more).HandleAsync(FaultClicks.Command(action), FaultClicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);
        return JsonDocument.Parse(result);
    }

    private async Task<FunctionException> FailAsync(KlapDeviceEmulator device, string action, params (string Key, string Value)[] more) =>
        await Assert.ThrowsAsync<FunctionException>(
            () => NewFunction("klap", device.Port, more).HandleAsync(FaultClicks.Command(action), FaultClicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang));

    private Function NewFunction(string protocol, int port, (string Key, string Value)[] more)
    {
        (string, string)[] settings =
        [
            (SettingNames.Protocol, protocol),
            (SettingNames.Username, Email),
            (SettingNames.Password, Password),
            .. more,
        ];
        return new Function(new StubSettings(StubSettings.For(port, "5", settings)), this.log.Writer, TimeProvider.System);
    }

    private static string? Text(JsonElement result, string name) =>
        result.GetProperty(name).ValueKind == JsonValueKind.Null ? null : result.GetProperty(name).GetString();
}
