using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.EndToEnd;

namespace ButtonToPlug.Tests;

/// <summary>
/// A button click switching a plug that answers only KLAP, through the Native AOT <c>bootstrap</c> as Lambda runs it: the
/// local Runtime API, SSM parameters (moto_server) with the protocol and the account, and the KLAP device emulator.
/// </summary>
public sealed class KlapBootstrapTests(AotFunctionFixture fixture) : IClassFixture<AotFunctionFixture>, IAsyncLifetime
{
    private const string Email = "owner@example.com";
    private const string Password = "Bootstrap pässword";
    private static readonly byte[] SingleClick = """{"serialNumber":"G030JF055364XVRB","clickType":"SINGLE","batteryVoltage":"1705mV"}"""u8.ToArray();

    private KlapDeviceEmulator device = null!;

    public async Task InitializeAsync() =>
        this.device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Username = Email, Password = Password, Version = 2 }, CancellationToken.None);

    public async Task DisposeAsync() => await this.device.DisposeAsync();

    [Fact]
    public async Task SingleClick_OnAPlugThatOnlySpeaksKlap_TogglesItAndPostsTheResult()
    {
        await SeedAsync(Password);

        var outcome = await fixture.InvokeAsync(SingleClick);

        Assert.Null(outcome.Error);
        Assert.True(this.device.Plug.RelayOn);
        using var result = JsonDocument.Parse(outcome.Response!);
        Assert.Equal("off", result.RootElement.GetProperty("before").GetString());
        Assert.Equal("on", result.RootElement.GetProperty("after").GetString());
        Assert.Equal(this.device.Port, result.RootElement.GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task SingleClick_WithTheWrongPassword_IsAConfigurationErrorWithoutThePassword()
    {
        const string wrong = "wrong-bootstrap-password";
        await SeedAsync(wrong);

        var outcome = await fixture.InvokeAsync(SingleClick);

        var error = Assert.IsType<PostedError>(outcome.Error);
        Assert.Equal("ConfigurationError", error.ErrorType);
        Assert.Contains("TP-Link", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(this.device.Plug.Executed);
    }

    private async Task SeedAsync(string password)
    {
        var path = EndToEndEnvironment.ParameterPath;
        await fixture.Moto.PutAllAsync(path, new Dictionary<string, string>
        {
            ["host"] = this.device.Host,
            ["port"] = this.device.Port.ToString(CultureInfo.InvariantCulture),
            ["protocol"] = "klap",
            ["username"] = Email,
        });
        await fixture.Moto.PutSecureAsync($"{path}/password", password);
    }
}
