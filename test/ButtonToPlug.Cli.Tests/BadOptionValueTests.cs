using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>
/// Every option value the CLI takes, given badly, through the real process: one line on stderr naming the option, the value
/// and what is allowed, exit 2 (usage), nothing on stdout and never a stack trace or a crash.
/// </summary>
public sealed class BadOptionValueTests
{
    [Theory]
    [InlineData("--port 'abc' is not a port: give a whole number from 1 to 65535", "plug", "on", "--host", "127.0.0.1", "--port", "abc")]
    [InlineData("--port '0' is not a port", "plug", "on", "--host", "127.0.0.1", "--port", "0")]
    [InlineData("--port '70000' is not a port", "plug", "info", "--host", "127.0.0.1", "--port", "70000")]
    [InlineData("--port '-1' is not a port", "plug", "info", "--host", "127.0.0.1", "--port", "-1")]
    [InlineData("--timeout 'abc' is not a number of seconds above 0 and at most 3600", "plug", "on", "--host", "127.0.0.1", "--timeout", "abc")]
    [InlineData("--timeout '0' is not a number of seconds", "plug", "toggle", "--host", "127.0.0.1", "--timeout", "0")]
    [InlineData("--timeout 'NaN' is not a number of seconds", "plug", "toggle", "--host", "127.0.0.1", "--timeout", "NaN")]
    [InlineData("--host '' is not a host: give the plug's IP address or a DNS name", "plug", "on", "--host", "")]
    [InlineData("--host 'http://plug' is not a host", "plug", "info", "--host", "http://plug")]
    [InlineData("--outlet 'kitchen' is not an outlet: give a 0-based index", "plug", "on", "--host", "127.0.0.1", "--outlet", "kitchen")]
    [InlineData("--protocol 'tapo' is not a protocol: give one of auto|xor|klap|aes", "plug", "info", "--host", "127.0.0.1", "--protocol", "tapo")]
    [InlineData("--username '' is empty", "plug", "info", "--host", "127.0.0.1", "--username", "", "--password-env", "HOME")]
    [InlineData("--password-env '' is empty", "plug", "info", "--host", "127.0.0.1", "--username", "me@example.com", "--password-env", "")]
    [InlineData("--port 'abc' is not a port", "discover", "--port", "abc")]
    [InlineData("--timeout 'abc' is not a number of seconds above 0 and at most 600", "discover", "--timeout", "abc")]
    [InlineData("--address '300.1.1.1' is not an IP address", "discover", "--address", "300.1.1.1")]
    [InlineData("event '' is empty: give an event file", "press", "")]
    [InlineData("--settings '' is empty: give a settings file", "press", "events/single-click.json", "--settings", "")]
    public async Task BadValue_IsOneLineNamingOptionValueAndWhatIsAllowed_ExitTwo(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"buttontoplug: {expected}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plug", "on", "--help")]
    [InlineData("plug", "info", "--help")]
    public async Task PlugHelp_ShowsTheProtocolChoicesInLowerCase(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--protocol <auto|xor|klap|aes>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[default: auto]", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Auto", result.Stdout, StringComparison.Ordinal);
    }
}
