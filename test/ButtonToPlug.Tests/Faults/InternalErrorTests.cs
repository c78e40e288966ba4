using System.Text.Json;
using ButtonToPlug.Logging;
using ButtonToPlug.Runtime;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.EndToEnd;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// A defect of ours at the function's edge (CONTRACTS.md section 4): the invocation fails as InternalError with a message
/// that holds no secret, the click line and metrics are still written, the stack trace goes to the log as one line, and
/// the same runtime serves the next click. Run through the real loop and Runtime API client against the local Runtime API.
/// </summary>
public sealed class InternalErrorTests : IDisposable
{
    // Foreign text, as a .NET message can be: it goes to the log line of the defect, never to the caller.
    private const string DotnetDetail = "MyHome.DDNS.example";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly CapturedLog log = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", null);
        this.log.Dispose();
    }

    [Fact]
    public async Task Defect_IsInternalError_LoggedWholeOnOneLine_AndTheNextClickIsServed()
    {
        await using var plug = ScriptedPlug.Working();
        var settings = new DefectiveSettings(
            new InvalidOperationException($"cache corrupted near {DotnetDetail}"), new StubSettings(StubSettings.For(plug.Port)));
        await using var api = await LocalRuntimeApi.StartAsync();
        using var client = new RuntimeApiClient(api.Address);
        var function = new Function(settings, new LogWriter(this.log.Writer, LogLevel.Info, TimeProvider.System));
        var loop = new RuntimeLoop(client, new LogWriter(this.log.Writer, LogLevel.Info, TimeProvider.System)).RunAsync(() => function.HandleAsync, CancellationToken.None);

        var failed = await api.WaitForOutcomeAsync(api.Enqueue(Clicks.Command("on"), "Root=1-67a1b2c3-0123456789abcdef01234567"), Bound);
        var next = await api.WaitForOutcomeAsync(api.Enqueue(Clicks.Command("on")), Bound);
        api.RefuseNext();
        Assert.Equal(ExitCodes.RuntimeApiClosed, await loop.WaitAsync(Bound));

        var error = Assert.IsType<PostedError>(failed.Error);
        Assert.Equal((ErrorTypes.InternalError, ErrorTypes.InternalError), (error.ErrorTypeHeader, error.ErrorType));
        Assert.Contains("InvalidOperationException", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("corrupted", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(next.Error);
        Assert.True(plug.RelayOn);

        var lines = LogEnvelope.ParseAll(this.log.Text);
        // Every line but the last (the loop's exit, between invocations) belongs to an invocation.
        Assert.All(lines.SkipLast(1), line => Assert.NotNull(LogEnvelope.RequestId(line)));
        Assert.Contains("exiting", lines[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
        var ofFailed = lines.Where(line => LogEnvelope.RequestId(line) == failed.RequestId).ToList();
        Assert.Equal(3, ofFailed.Count);
        var defect = Assert.Single(ofFailed, line => line.TryGetProperty("stackTrace", out _));
        Assert.Equal(("ERROR", typeof(InvalidOperationException).FullName), (LogEnvelope.Level(defect), defect.GetProperty("errorType").GetString()));
        Assert.Equal("Root=1-67a1b2c3-0123456789abcdef01234567", defect.GetProperty("traceId").GetString());
        Assert.Equal($"cache corrupted near {DotnetDetail}", defect.GetProperty("errorMessage").GetString());
        Assert.DoesNotContain(DotnetDetail, error.ErrorMessage, StringComparison.Ordinal);
        var click = Assert.Single(ofFailed, line => line.TryGetProperty("outcome", out _));
        Assert.Equal(("ERROR", "failed", ErrorTypes.InternalError), (LogEnvelope.Level(click), click.GetProperty("outcome").GetString(), click.GetProperty("errorType").GetString()));
        var metrics = Assert.Single(ofFailed, LogEnvelope.IsMetrics);
        Assert.Equal((1, ErrorTypes.InternalError), (metrics.GetProperty("Failures").GetInt32(), metrics.GetProperty("errorType").GetString()));
        Assert.Equal("ok", lines.Single(line => LogEnvelope.RequestId(line) == next.RequestId && line.TryGetProperty("outcome", out _)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Defect_InProcess_ThrowsInternalErrorWithoutTheDotnetMessage()
    {
        var function = new Function(
            new DefectiveSettings(new KeyNotFoundException($"no key near {DotnetDetail}"), new StubSettings(StubSettings.For(FreePort.Next()))),
            this.log.Writer, TimeProvider.System);

        var error = await Assert.ThrowsAsync<FunctionException>(() => function.HandleAsync(Clicks.Command("toggle"), Clicks.FarDeadline(), CancellationToken.None));

        Assert.Equal(ErrorTypes.InternalError, error.ErrorType);
        Assert.DoesNotContain(DotnetDetail, error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Contains(JsonSerializer.Serialize(error.Message)[1..^1], this.log.Text, StringComparison.Ordinal);
    }
}
