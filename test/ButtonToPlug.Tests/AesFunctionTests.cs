using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests;

/// <summary>
/// Clicks end to end with <c>protocol</c> <c>aes</c> and <c>auto</c>: SSM parameters (moto_server), <see cref="Function.HandleAsync"/>,
/// and the AES device emulator, a scripted XOR plug or a silent port on loopback.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class AesFunctionTests(MotoFixture fixture) : IAsyncLifetime, IDisposable
{
    private const string Email = "owner@example.com";
    private const string Password = "Tap0 pässword ";
    private static readonly byte[] SingleClick = """{ "serialNumber": "G030JF055364XVRB", "clickType": "SINGLE", "batteryVoltage": "1705mV" }"""u8.ToArray();

    private readonly string path = MotoFixture.NewPath();
    private readonly StringWriter log = new();
    private readonly MotoServer moto = fixture.Server;
    private readonly SmartEmulatedDevice plug = SmartEmulatedDevice.Plug("P100");
    private AesDeviceEmulator device = null!;

    public async Task InitializeAsync() =>
        this.device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions { Username = Email, Password = Password, LoginVersion = 2 }, this.plug, CancellationToken.None);

    public async Task DisposeAsync() => await this.device.DisposeAsync();

    public void Dispose() => this.log.Dispose();

    [Theory]
    [InlineData("aes", false, true)]
    [InlineData("aes", true, false)]
    [InlineData("auto", false, true)]
    public async Task SingleClick_WithAesSettingsInSsm_TogglesThePlugOnce(string protocol, bool before, bool after)
    {
        this.plug.RelayOn = before;
        await SeedAsync(protocol, this.device.Port, Password);

        var result = await NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None);

        using var json = JsonDocument.Parse(result);
        Assert.Equal(after, this.plug.RelayOn);
        Assert.Single(this.plug.Executed, "set_device_info");

        // Read and set, both in SMART: with auto too, no request went out in IOT first.
        Assert.Equal(2, this.plug.Requests);
        Assert.Equal(before ? "on" : "off", json.RootElement.GetProperty("before").GetString());
        Assert.Equal(after ? "on" : "off", json.RootElement.GetProperty("after").GetString());
        Assert.DoesNotContain(Password.Trim(), this.log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_WithTheWrongAccountPassword_IsAConfigurationErrorWithTheStaleSecretAdvice()
    {
        const string wrong = "not-the-password";
        await SeedAsync("aes", this.device.Port, wrong);

        var error = await Assert.ThrowsAsync<FunctionException>(() => NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("remove the plug from the app and add it again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, this.log.ToString(), StringComparison.Ordinal);
        Assert.Empty(this.plug.Executed);
    }

    [Fact]
    public async Task Click_WhenTheAesHandshakeDoesNotDecrypt_IsAProtocolError()
    {
        this.device.UndecryptableHandshakeKey = true;
        await SeedAsync("aes", this.device.Port, Password);

        var error = await Assert.ThrowsAsync<FunctionException>(() => NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None));

        Assert.Equal(ErrorTypes.ProtocolError, error.ErrorType);
        Assert.Contains("does not decrypt", error.Message, StringComparison.Ordinal);
        Assert.Empty(this.plug.Executed);
    }

    [Fact]
    public async Task Click_WithAutoBehindAPortThatNeverAnswers_IsAProtocolErrorWithinOnePlugTimeout()
    {
        await using var silent = ScriptedPlug.Start(connection => connection.SilenceAsync());
        await SeedAsync("auto", silent.Port, password: null, timeoutSeconds: 3);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<FunctionException>(() => NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None));

        Assert.Equal(ErrorTypes.ProtocolError, error.ErrorType);
        Assert.Contains("speaks none of", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SecondClick_WithAutoOnAnXorPlug_MakesNoProbe()
    {
        await using var xor = ScriptedPlug.Working();
        await SeedAsync("auto", xor.Port, password: null);

        // One Function is one warm function: it, not the process, holds what auto learnt about the endpoint.
        var function = NewFunction();
        await function.HandleAsync(SingleClick, Context(), CancellationToken.None);
        var readsAfterFirst = xor.CountRequests("get_sysinfo");
        await function.HandleAsync(SingleClick, Context(), CancellationToken.None);

        // The first click's probe was a read, and its answer served the toggle; the warm function then goes straight to XOR
        // with the toggle's own read, and no probe.
        Assert.Equal(1, readsAfterFirst);
        Assert.Equal(2, xor.CountRequests("get_sysinfo"));
        Assert.Equal(2, xor.CountRequests("set_relay_state"));
        Assert.False(xor.RelayOn);
    }

    private async Task SeedAsync(string protocol, int port, string? password, int timeoutSeconds = 5)
    {
        await this.moto.PutAllAsync(this.path, new Dictionary<string, string>
        {
            [SettingNames.Host] = this.device.Host,
            [SettingNames.Port] = port.ToString(CultureInfo.InvariantCulture),
            [SettingNames.Protocol] = protocol,
            [SettingNames.Timeout] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
        });
        if (password is not null)
        {
            await this.moto.PutAsync($"{this.path}/{SettingNames.Username}", Email);
            await this.moto.PutSecureAsync($"{this.path}/{SettingNames.Password}", password);
        }
    }

    private Function NewFunction() =>
        new(new ParameterStoreSettings(SsmClientFactory.Create(new SsmConnector(TimeProvider.System)), this.path, TimeSpan.Zero, TimeProvider.System), this.log, TimeProvider.System);

    private static InvocationContext Context() =>
        new($"aes-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddSeconds(30), null);
}
