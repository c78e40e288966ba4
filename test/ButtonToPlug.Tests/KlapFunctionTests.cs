using System.Globalization;
using System.Text;
using System.Text.Json;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests;

/// <summary>
/// A click end to end onto a plug that answers only KLAP: SSM parameters (moto_server) with protocol and credentials,
/// <see cref="Function.HandleAsync"/> with the process's own SSM client, KLAP over loopback, and the relay state the device
/// emulator holds.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class KlapFunctionTests(MotoFixture fixture) : IAsyncLifetime, IDisposable
{
    private const string Email = "owner@example.com";
    private const string Password = "pässword with spaces ";
    private static readonly byte[] SingleClick = """{ "serialNumber": "G030JF055364XVRB", "clickType": "SINGLE", "batteryVoltage": "1705mV" }"""u8.ToArray();

    private readonly string path = MotoFixture.NewPath();
    private readonly StringWriter log = new();
    private readonly MotoServer moto = fixture.Server;
    private KlapDeviceEmulator device = null!;

    public async Task InitializeAsync()
    {
        this.device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Username = Email, Password = Password, Version = 2 }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await this.device.DisposeAsync();
    }

    public void Dispose() => this.log.Dispose();

    [Theory]
    [InlineData("klap", false, true)]
    [InlineData("klap", true, false)]
    [InlineData("auto", false, true)]
    public async Task SingleClick_WithKlapSettingsInSsm_TogglesThePlugThatOnlySpeaksKlap(string protocol, bool before, bool after)
    {
        this.device.Plug.RelayOn = before;
        await SeedAsync(protocol, Email, Password);

        var result = await NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None);

        using var json = JsonDocument.Parse(result);
        Assert.Equal(after, this.device.Plug.RelayOn);
        Assert.Equal(before ? "on" : "off", json.RootElement.GetProperty("before").GetString());
        Assert.Equal(after ? "on" : "off", json.RootElement.GetProperty("after").GetString());
        Assert.Equal(this.device.Port, json.RootElement.GetProperty("port").GetInt32());
        Assert.DoesNotContain(Password.Trim(), this.log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_WithTheWrongAccountPassword_IsAConfigurationErrorThatNeverShowsThePassword()
    {
        const string wrong = "not-the-password";
        await SeedAsync("klap", Email, wrong);

        var error = await Assert.ThrowsAsync<FunctionException>(() => NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("your account credentials, the TP-Link default credentials or blank credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("remove the plug from the Kasa/Tapo app and add it again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, this.log.ToString(), StringComparison.Ordinal);
        Assert.Empty(this.device.Plug.Executed);
    }

    [Fact]
    public async Task Click_WithAUsernameButNoPassword_IsAConfigurationErrorNamingBothParameters()
    {
        await this.moto.PutAllAsync(this.path, Settings("klap"));
        await this.moto.PutAsync($"{this.path}/{SettingNames.Username}", Email);

        var error = await Assert.ThrowsAsync<FunctionException>(() => NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains($"{this.path}/username", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{this.path}/password", error.Message, StringComparison.Ordinal);
        Assert.Empty(this.device.Plug.Executed);
    }

    [Fact]
    public async Task Click_WithAnUnknownProtocol_IsAConfigurationError()
    {
        await this.moto.PutAllAsync(this.path, Settings("https"));

        var error = await Assert.ThrowsAsync<FunctionException>(() => NewFunction().HandleAsync(SingleClick, Context(), CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains($"{this.path}/protocol", error.Message, StringComparison.Ordinal);
        Assert.Contains(ProtocolSettingText.Choices, error.Message, StringComparison.Ordinal);
    }

    private async Task SeedAsync(string protocol, string username, string password)
    {
        await this.moto.PutAllAsync(this.path, Settings(protocol));
        await this.moto.PutAsync($"{this.path}/{SettingNames.Username}", username);
        await this.moto.PutSecureAsync($"{this.path}/{SettingNames.Password}", password);
    }

    private Dictionary<string, string> Settings(string protocol) => new()
    {
        [SettingNames.Host] = this.device.Host,
        [SettingNames.Port] = this.device.Port.ToString(CultureInfo.InvariantCulture),
        [SettingNames.Protocol] = protocol,
    };

    private Function NewFunction() =>
        new(new ParameterStoreSettings(SsmClientFactory.Create(new SsmConnector(TimeProvider.System)), this.path, TimeSpan.Zero, TimeProvider.System), this.log, TimeProvider.System);

    private static InvocationContext Context() =>
        new($"klap-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddSeconds(30), null);
}
