using System.Globalization;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>
/// `buttontoplug plug … --protocol aes|auto` as a real child process against the AES device emulator hosting the shared SMART
/// model: a plug, and a strip whose outlets are addressed by position.
/// </summary>
public sealed class AesPlugCommandTests : IAsyncLifetime
{
    private const string Email = "owner@example.com";
    private const string Password = "Tap0 secret";
    private const string PasswordVariable = "BUTTONTOPLUG_TEST_TAPO_PASSWORD";

    private readonly SmartEmulatedDevice plug = SmartEmulatedDevice.Plug("P100");
    private AesDeviceEmulator device = null!;

    public async Task InitializeAsync() =>
        this.device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions { Username = Email, Password = Password, LoginVersion = 1 }, this.plug, CancellationToken.None);

    public async Task DisposeAsync() => await this.device.DisposeAsync();

    [Theory]
    [InlineData("aes", "on", false, true, 1)]
    [InlineData("aes", "off", true, false, 1)]
    [InlineData("aes", "toggle", false, true, 2)]
    [InlineData("auto", "on", false, true, 1)]
    [InlineData("auto", "toggle", true, false, 2)]
    public async Task Switch_OverAesWithThePasswordFromTheEnvironment_SetsTheRelayOnce(string protocol, string command, bool before, bool after, int requests)
    {
        this.plug.RelayOn = before;

        var (exit, _, error) = await RunAsync(Password, "plug", command, "--host", this.device.Host, "--port", Port, "--protocol", protocol,
            "--username", Email, "--password-env", PasswordVariable);

        Assert.True(exit == 0, error);
        Assert.Equal(after, this.plug.RelayOn);
        Assert.Single(this.plug.Executed, "set_device_info");

        // auto settles on AES before the first request, so nothing goes out in the IOT dialect first.
        Assert.Equal(requests, this.plug.Requests);
    }

    [Fact]
    public async Task Info_OverAes_ShowsTheDecodedNickname()
    {
        this.plug.Nickname = SmartEmulatedDevice.Base64("Flur ☕");

        var (exit, output, error) = await RunAsync(Password, "plug", "info", "--host", this.device.Host, "--port", Port, "--protocol", "aes",
            "--username", Email, "--password-env", PasswordVariable);

        Assert.True(exit == 0, error);
        Assert.Contains("P100  'Flur ☕'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aes", "info", null, "outlet 1  off  'Outlet 2'")]
    [InlineData("aes", "on", new[] { false, true, false }, "on: now on")]
    [InlineData("aes", "toggle", new[] { false, true, false }, "toggle: off -> on")]
    [InlineData("auto", "on", new[] { false, true, false }, "on: now on")]
    public async Task Outlet_OfASmartStripOverAes_IsShownOrSwitchedAlone(string protocol, string command, bool[]? outlets, string said)
    {
        var strip = SmartEmulatedDevice.Strip();
        await using var stripDevice = await AesDeviceEmulator.StartAsync(new AesDeviceOptions { Username = Email, Password = Password }, strip, CancellationToken.None);

        var (exit, output, error) = await RunAsync(Password, "plug", command, "--host", stripDevice.Host,
            "--port", stripDevice.Port.ToString(CultureInfo.InvariantCulture), "--protocol", protocol, "--outlet", "1",
            "--username", Email, "--password-env", PasswordVariable);

        Assert.True(exit == 0, error);
        Assert.Contains(said, output, StringComparison.Ordinal);
        Assert.Equal(outlets ?? [false, false, false], strip.Outlets.Select(o => o.On));
        Assert.Equal(outlets is null ? 0 : 1, strip.Executed.Count(method => method == "control_child/set_device_info"));
    }

    [Fact]
    public async Task Info_WithTheWrongPassword_ExitsWithTheAuthenticationCodeAndTheStaleSecretAdvice()
    {
        const string wrong = "wrong-secret";

        var (exit, output, error) = await RunAsync(wrong, "plug", "info", "--host", this.device.Host, "--port", Port, "--protocol", "aes",
            "--username", Email, "--password-env", PasswordVariable);

        Assert.Equal(6, exit);
        Assert.Contains("authentication failed", error, StringComparison.Ordinal);
        Assert.Contains("remove the plug from the app and add it again", error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error + output, StringComparison.Ordinal);
        Assert.Empty(this.plug.Executed);
    }

    [Fact]
    public async Task Info_WhenTheHandshakeDoesNotDecrypt_ExitsWithTheProtocolCode()
    {
        this.device.UndecryptableHandshakeKey = true;

        var (exit, _, error) = await RunAsync(null, "plug", "info", "--host", this.device.Host, "--port", Port, "--protocol", "aes");

        Assert.Equal(5, exit);
        Assert.Contains("does not decrypt", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Switch_WithAnUnknownProtocol_IsAUsageErrorListingTheChoices()
    {
        var (exit, _, error) = await RunAsync(null, "plug", "on", "--host", this.device.Host, "--port", Port, "--protocol", "tpap");

        Assert.Equal(2, exit);
        Assert.Contains($"--protocol 'tpap' is not a protocol: give one of {ProtocolSettingText.Choices}", error, StringComparison.Ordinal);
        Assert.Empty(this.plug.Executed);
    }

    private string Port => this.device.Port.ToString(CultureInfo.InvariantCulture);

    private static Task<CliResult> RunAsync(string? password, params string[] arguments) =>
        CliProcess.RunWithEnvironmentAsync(new Dictionary<string, string?> { [PasswordVariable] = password }, arguments);
}
