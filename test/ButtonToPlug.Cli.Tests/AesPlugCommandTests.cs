using System.Globalization;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>`buttontoplug plug … --protocol aes|auto` as a real child process against the AES device emulator.</summary>
public sealed class AesPlugCommandTests : IAsyncLifetime
{
    private const string Email = "owner@example.com";
    private const string Password = "Tap0 secret";
    private const string PasswordVariable = "BUTTONTOPLUG_TEST_TAPO_PASSWORD";

    private readonly AesInnerDevice plug = new();
    private AesDeviceEmulator device = null!;

    public async Task InitializeAsync() =>
        this.device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions { Username = Email, Password = Password, LoginVersion = 1 }, this.plug, CancellationToken.None);

    public async Task DisposeAsync() => await this.device.DisposeAsync();

    [Theory]
    [InlineData("aes", "on", false, true)]
    [InlineData("aes", "off", true, false)]
    [InlineData("aes", "toggle", false, true)]
    [InlineData("auto", "toggle", true, false)]
    public async Task Switch_OverAesWithThePasswordFromTheEnvironment_SetsTheRelayOnce(string protocol, string command, bool before, bool after)
    {
        this.plug.RelayOn = before;

        var (exit, _, error) = await RunAsync(Password, "plug", command, "--host", this.device.Host, "--port", Port, "--protocol", protocol,
            "--username", Email, "--password-env", PasswordVariable);

        Assert.True(exit == 0, error);
        Assert.Equal(after, this.plug.RelayOn);
        Assert.Equal(1, this.plug.Switches);
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
