using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Faults;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// What the published process writes (CONTRACTS.md section 5): every line of stdout and stderr one JSON envelope, levels
/// honoured, SecureString hosts never shown, and SIGTERM letting the click in flight finish. Run once per build below.
/// Each test runs its own process with its own parameter path, so nothing another test wrote is in its output.
/// </summary>
public abstract class LogEnvelopeEndToEndTests(FunctionFixture fixture)
{
    private static readonly byte[] SwitchOn = """{"action":"on"}"""u8.ToArray();
    private static readonly byte[] LowBattery = """{"serialNumber":"G030JF055364XVRB","clickType":"DOUBLE","batteryVoltage":"1400mV"}"""u8.ToArray();
    private static readonly byte[] UnknownClick = """{"clickType":"TRIPLE"}"""u8.ToArray();

    private readonly string path = $"/ButtonToPlug-logs-{Guid.NewGuid():N}";

    [Fact]
    public async Task EveryLine_OfSuccessWarningsAndEachErrorType_IsOneJsonEnvelopeWithItsRequestId()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var process = await StartAsync(api, logLevel: null);
        var expected = new List<(string RequestId, string? ErrorType)>();

        async Task ClickAsync(byte[] eventJson, string? errorType, params (string Key, string Value)[] settings)
        {
            await SeedAsync(settings);
            var outcome = await api.WaitForOutcomeAsync(api.Enqueue(eventJson, "Root=1-67a1b2c3-0123456789abcdef01234567"), FunctionFixture.Bound);
            Assert.Equal(errorType, outcome.Error?.ErrorType);
            expected.Add((outcome.RequestId, errorType));
        }

        await ClickAsync(SwitchOn, null);
        await ClickAsync(LowBattery, null);
        await ClickAsync(UnknownClick, ErrorTypes.InvalidEvent);
        await ClickAsync(SwitchOn, ErrorTypes.ConfigurationError, ("port", "eighty"));
        await ClickAsync(SwitchOn, ErrorTypes.PlugUnreachable, ("port", FreePort.Next().ToString(CultureInfo.InvariantCulture)));
        foreach (var (fault, errorType) in new[] { (PlugFaults.ModuleErrorCode, ErrorTypes.PlugError), (PlugFaults.NotJson, ErrorTypes.ProtocolError) })
        {
            var (port, peer) = PlugFaults.Start(fault);
            await using var running = peer;
            await ClickAsync(SwitchOn, errorType, ("port", port.ToString(CultureInfo.InvariantCulture)), ("protocol", "xor"), ("timeout", "1"));
        }

        await process.WaitForLineAsync(line => line.Contains(expected[^1].RequestId, StringComparison.Ordinal) && line.Contains("_aws", StringComparison.Ordinal), FunctionFixture.Bound);
        var lines = LogEnvelope.ParseAll(process.Output);
        Assert.All(
            lines.Where(line => line.TryGetProperty("outcome", out _) || LogEnvelope.IsMetrics(line) || line.TryGetProperty("stackTrace", out _)),
            line => Assert.Contains(LogEnvelope.RequestId(line), expected.Select(e => e.RequestId)));
        foreach (var (requestId, errorType) in expected)
        {
            var own = lines.Where(line => LogEnvelope.RequestId(line) == requestId).ToList();
            var click = Assert.Single(own, line => line.TryGetProperty("outcome", out _));
            var metrics = Assert.Single(own, LogEnvelope.IsMetrics);
            Assert.Equal("INFO", LogEnvelope.Level(metrics));
            Assert.Equal("Root=1-67a1b2c3-0123456789abcdef01234567", click.GetProperty("traceId").GetString());
            Assert.Equal(errorType is null ? null : "ERROR", errorType is null ? null : LogEnvelope.Level(click));
            Assert.Equal(errorType, click.TryGetProperty("errorType", out var type) ? type.GetString() : null);
        }

        Assert.Equal("WARN", LogEnvelope.Level(lines.Single(line => LogEnvelope.RequestId(line) == expected[1].RequestId && !LogEnvelope.IsMetrics(line))));
    }

    [Fact]
    public async Task LevelWarn_SuccessWritesNothing_FailureStillWritesItsErrorLine()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var process = await StartAsync(api, logLevel: "WARN");
        await SeedAsync();

        var success = await api.WaitForOutcomeAsync(api.Enqueue(SwitchOn), FunctionFixture.Bound);
        var failure = await api.WaitForOutcomeAsync(api.Enqueue(UnknownClick), FunctionFixture.Bound);
        await process.WaitForLineAsync(line => line.Contains(failure.RequestId, StringComparison.Ordinal), FunctionFixture.Bound);

        Assert.Null(success.Error);
        var lines = LogEnvelope.ParseAll(process.Output);
        Assert.Equal(2, lines.Count);
        Assert.Equal(("WARN", null), (LogEnvelope.Level(lines[0]), LogEnvelope.RequestId(lines[0])));
        Assert.Contains("EMF", lines[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("ERROR", failure.RequestId, ErrorTypes.InvalidEvent),
            (LogEnvelope.Level(lines[1]), LogEnvelope.RequestId(lines[1]), lines[1].GetProperty("errorType").GetString()));
    }

    [Fact]
    public async Task SecureStringHost_InMixedCaseAndPadded_IsInNoLineOfTheProcess()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var process = await StartAsync(api, logLevel: null);
        var errors = new List<string?>();
        foreach (var (host, protocol) in new[] { ("  LocalHost ", "xor"), ("  LocalHost ", "klap"), (" No-Such-Plug.Invalid ", "klap") })
        {
            await SeedAsync(("port", FreePort.Next().ToString(CultureInfo.InvariantCulture)), ("protocol", protocol), ("timeout", "1"));
            await fixture.Moto.PutSecureAsync($"{this.path}/host", host);
            var outcome = await api.WaitForOutcomeAsync(api.Enqueue(SwitchOn), FunctionFixture.Bound);
            Assert.Equal(ErrorTypes.PlugUnreachable, outcome.Error?.ErrorType);
            errors.Add(outcome.Error?.ErrorMessage);
            await process.WaitForLineAsync(line => line.Contains(outcome.RequestId, StringComparison.Ordinal) && line.Contains("_aws", StringComparison.Ordinal), FunctionFixture.Bound);
        }

        foreach (var text in errors.Append(process.Output))
        {
            Assert.DoesNotContain("localhost", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("no-such-plug", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sigterm_DuringAClick_LetsItFinishItsLogLineAndPost_ThenExits0()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            reached.TrySetResult();
            await release.Task.WaitAsync(connection.Stopping);
            await ScriptedPlug.ServeLikeAPlugAsync(connection);
        });
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var process = await StartAsync(api, logLevel: null);
        await SeedAsync(("port", plug.Port.ToString(CultureInfo.InvariantCulture)), ("timeout", "10"));

        var requestId = api.Enqueue(SwitchOn);
        await reached.Task.WaitAsync(FunctionFixture.Bound);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().WaitAsync(FunctionFixture.Bound);
        }

        release.SetResult();

        var outcome = await api.WaitForOutcomeAsync(requestId, FunctionFixture.Bound);
        Assert.Null(outcome.Error);
        Assert.True(plug.RelayOn);
        Assert.Equal(0, await process.WaitForExitAsync(FunctionFixture.Bound));
        var lines = LogEnvelope.ParseAll(process.Output);
        Assert.Equal("ok", lines.Single(line => line.TryGetProperty("outcome", out _)).GetProperty("outcome").GetString());
        Assert.Contains("SIGTERM", lines[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private Task<FunctionProcess> StartAsync(LocalRuntimeApi api, string? logLevel)
    {
        var environment = EndToEndEnvironment.For(api, fixture.Moto.Endpoint.ToString().TrimEnd('/'));
        environment["PARAMETER_PATH"] = this.path;
        if (logLevel is not null)
        {
            environment["AWS_LAMBDA_LOG_LEVEL"] = logLevel;
        }

        return FunctionProcess.StartAsync(fixture.Build, environment);
    }

    /// <summary>The simulated plug (host and port as plain Strings), then <paramref name="settings"/> over them.</summary>
    private async Task SeedAsync(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string>
        {
            ["host"] = SimulatedPlugs.Host,
            ["port"] = fixture.PlugPort.ToString(CultureInfo.InvariantCulture),
            ["protocol"] = "auto",
            ["timeout"] = "3",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        await fixture.Moto.PutAllAsync(this.path, values);
    }
}
