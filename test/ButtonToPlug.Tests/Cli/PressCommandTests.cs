using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Cli;

/// <summary>`buttontoplug press` as a process: the function's logic on an event file, result on stdout, one-line errors.</summary>
[Collection(MotoTests.Name)]
public sealed class PressCommandTests(MotoFixture moto, PlugsFixture devices) : IClassFixture<PlugsFixture>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("buttontoplug-press-").FullName;

    private string PlugPort => devices.Plugs.Devices[PlugsFixture.Plug].Port.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    private static string LocalWebhookToken =>
        JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Event("settings.local.json"))).RootElement.GetProperty("webhook-token").GetString()!;

    public static TheoryData<string> EventFiles => [.. RepositoryFiles.EventFiles().Select(file => Path.GetFileName(file))];

    [Theory]
    [MemberData(nameof(EventFiles))]
    public async Task Press_EventFileWithLocalSettings_PrintsTheResult(string file)
    {
        var settings = WriteSettings($$"""{"host":"127.0.0.1","port":"{{PlugPort}}","webhook-token":"{{LocalWebhookToken}}"}""");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("press", RepositoryFiles.Event(file), "--settings", settings);

        Assert.True(exit == 0, stderr);
        Assert.Empty(stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("127.0.0.1", result.GetProperty("host").GetString());
        Assert.Equal((await devices.Plugs.ReadStateAsync(PlugsFixture.Plug)).IsOn ? "on" : "off", result.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Press_SoracomEventWithClientContext_LogsTheSimAsTheDevice()
    {
        var settings = WriteSettings($$"""{"host":"127.0.0.1","port":"{{PlugPort}}"}""");

        var (exit, _, stderr) = await CliProcess.RunAsync(
            "press", RepositoryFiles.Event("soracom-global-double.json"), "--settings", settings, "--client-context", RepositoryFiles.SoracomClientContext, "--log");

        Assert.True(exit == 0, stderr);
        var line = JsonDocument.Parse(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]).RootElement;
        Assert.Equal("SoracomButton", line.GetProperty("source").GetString());
        Assert.Equal("8942310022000012345", line.GetProperty("deviceId").GetString());
    }

    [Fact]
    public async Task Press_HttpsEventWithAWrongToken_IsOneLineUnauthorizedAndExit2()
    {
        var settings = WriteSettings($$"""{"host":"127.0.0.1","port":"{{PlugPort}}","webhook-token":"{{new string('w', 40)}}"}""");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("press", RepositoryFiles.Event("https-double.json"), "--settings", settings);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("buttontoplug: Unauthorized: HTTP 401: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Press_WithoutSettingsFile_ReadsSsmThroughTheSdkVariables()
    {
        var path = MotoFixture.NewPath();
        await moto.Server.PutAllAsync(path, new Dictionary<string, string> { ["host"] = "127.0.0.1", ["port"] = PlugPort, ["long"] = "on:2h" });
        var environment = moto.Server.Environment.ToDictionary(variable => variable.Key, variable => (string?)variable.Value);
        environment["PARAMETER_PATH"] = path;

        var (exit, stdout, stderr) = await CliProcess.RunWithEnvironmentAsync(environment, "press", RepositoryFiles.Event("long-press.json"));

        Assert.True(exit == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("on:2h", result.GetProperty("action").GetString());
        Assert.Equal(7200, result.GetProperty("countdownSeconds").GetInt32());
        Assert.True((await devices.Plugs.ReadStateAsync(PlugsFixture.Plug)).IsOn);
    }

    [Theory]
    [InlineData("""{"port":"9999"}""", "single-click.json", 2, "ConfigurationError")]
    [InlineData("""{"host":"127.0.0.1","port":"DEAD"}""", "single-click.json", 3, "PlugUnreachable")]
    [InlineData("""{"host":"127.0.0.1"}""", "settings.local.json", 2, "InvalidEvent")]
    public async Task Press_Failure_IsOneLineOnStderrWithTheErrorTypeAndANonZeroExit(string settingsJson, string eventFile, int exitCode, string errorType)
    {
        var settings = WriteSettings(settingsJson.Replace("DEAD", FreePort.Next().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var (exit, stdout, stderr) = await CliProcess.RunAsync("press", RepositoryFiles.Event(eventFile), "--settings", settings);

        Assert.Equal(exitCode, exit);
        Assert.Empty(stdout);
        Assert.StartsWith($"buttontoplug: {errorType}: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Press_WithLog_WritesTheLogAndMetricsLinesToStderr()
    {
        var settings = WriteSettings($$"""{"host":"127.0.0.1","port":"{{PlugPort}}"}""");

        var (exit, _, stderr) = await CliProcess.RunAsync("press", RepositoryFiles.Event("double-click.json"), "--settings", settings, "--log");

        Assert.Equal(0, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("ok", JsonDocument.Parse(lines[0]).RootElement.GetProperty("outcome").GetString());
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("_aws", out _));
    }

    [Fact]
    public async Task Press_WhenTheResultCannotBeWritten_IsOneInternalErrorLineAndExit1()
    {
        // A 1-Click health event succeeds without settings or a plug; stdout on a full disk makes printing it fail.
        var healthEvent = Path.Combine(this.directory, "health.json");
        await File.WriteAllTextAsync(healthEvent, """
            {"deviceInfo":{"deviceId":"G030PM0123456789","type":"button","remainingLife":98.7},
             "deviceEvent":{"deviceHealthMonitor":{"condition":"LOW_BATTERY"}},"placementInfo":{}}
            """);

        var (exit, _, stderr) = await CliProcess.RunWithStdoutToAsync("/dev/full", "press", healthEvent, "--settings", WriteSettings("{}"));

        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("buttontoplug: InternalError: internal error (IOException)", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    private string WriteSettings(string json)
    {
        var file = Path.Combine(this.directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        return file;
    }
}
