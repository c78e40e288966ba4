using System.Globalization;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>
/// `buttontoplug plug … --protocol klap` as a real child process against the KLAP device emulator. It runs the process itself
/// rather than through <see cref="CliProcess"/> because the password has to arrive in an environment variable.
/// </summary>
public sealed class KlapPlugCommandTests : IAsyncLifetime
{
    private const string Email = "owner@example.com";
    private const string Password = "Kl@p secret";
    private const string PasswordVariable = "BUTTONTOPLUG_TEST_KASA_PASSWORD";

    private KlapDeviceEmulator device = null!;

    public async Task InitializeAsync() =>
        this.device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Username = Email, Password = Password, Version = 1 }, CancellationToken.None);

    public async Task DisposeAsync() => await this.device.DisposeAsync();

    [Theory]
    [InlineData("on", false, true)]
    [InlineData("off", true, false)]
    [InlineData("toggle", false, true)]
    public async Task Switch_OverKlapWithThePasswordFromTheEnvironment_SetsTheRelay(string command, bool before, bool after)
    {
        this.device.Plug.RelayOn = before;

        var (exit, _, error) = await RunAsync(Password, "plug", command, "--host", this.device.Host, "--port", Port, "--protocol", "klap",
            "--username", Email, "--password-env", PasswordVariable);

        Assert.True(exit == 0, error);
        Assert.Equal(after, this.device.Plug.RelayOn);
    }

    [Fact]
    public async Task Info_WithTheWrongPassword_ExitsWithTheAuthenticationCodeAndNeverPrintsThePassword()
    {
        const string wrong = "wrong-secret";

        var (exit, output, error) = await RunAsync(wrong, "plug", "info", "--host", this.device.Host, "--port", Port, "--protocol", "klap",
            "--username", Email, "--password-env", PasswordVariable);

        Assert.Equal(6, exit);
        Assert.Contains("authentication failed", error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error + output, StringComparison.Ordinal);
        Assert.Empty(this.device.Plug.Executed);
    }

    [Theory]
    [InlineData("--username", Email)]
    [InlineData("--password-env", PasswordVariable)]
    public async Task Switch_WithOnlyHalfTheCredentials_IsAUsageError(string option, string value)
    {
        var (exit, _, error) = await RunAsync(Password, "plug", "on", "--host", this.device.Host, "--port", Port, "--protocol", "klap", option, value);

        Assert.Equal(2, exit);
        Assert.Contains("--username and --password-env go together", error, StringComparison.Ordinal);
        Assert.Empty(this.device.Plug.Executed);
    }

    [Fact]
    public async Task Switch_WhenThePasswordVariableIsUnset_IsAUsageErrorNamingIt()
    {
        var (exit, _, error) = await RunAsync(null, "plug", "on", "--host", this.device.Host, "--port", Port, "--protocol", "klap",
            "--username", Email, "--password-env", PasswordVariable);

        Assert.Equal(2, exit);
        Assert.Contains(PasswordVariable, error, StringComparison.Ordinal);
    }

    private string Port => this.device.Port.ToString(CultureInfo.InvariantCulture);

    // The password only ever travels in the environment variable named by --password-env; null leaves it unset.
    private static Task<CliResult> RunAsync(string? password, params string[] arguments) =>
        CliProcess.RunWithEnvironmentAsync(new Dictionary<string, string?> { [PasswordVariable] = password }, arguments);
}
