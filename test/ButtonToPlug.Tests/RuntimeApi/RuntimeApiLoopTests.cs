using System.Net;
using System.Text;
using System.Text.Json;
using ButtonToPlug.Logging;
using ButtonToPlug.Runtime;

namespace ButtonToPlug.Tests.RuntimeApi;

public sealed class RuntimeApiLoopTests : IDisposable
{
    private readonly FakeRuntimeApiClient api = new();
    private readonly StringWriter log = new();

    [Fact]
    public async Task Response_WhenHandlerReturns_IsPostedForThatRequest()
    {
        var first = this.api.Enqueue("""{"action":"on"}""");
        var second = this.api.Enqueue("""{"action":"off"}""");

        var exit = await RunAsync((eventJson, _, _) => Task.FromResult(Encoding.UTF8.GetBytes(
            "echo " + Encoding.UTF8.GetString(eventJson.Span))));

        Assert.Equal(ExitCodes.RuntimeApiClosed, exit);
        Assert.Equal(
            [(first.RequestId, """echo {"action":"on"}"""), (second.RequestId, """echo {"action":"off"}""")],
            this.api.Responses.Select(r => (r.RequestId, Encoding.UTF8.GetString(r.Body))));
        Assert.Empty(this.api.Errors);
    }

    [Fact]
    public async Task Context_CarriesRequestIdDeadlineAndTraceIdOfTheInvocation()
    {
        var invocation = this.api.Enqueue("{}", traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        InvocationContext? seen = null;

        await RunAsync((_, context, _) =>
        {
            seen = context;
            return Task.FromResult(Array.Empty<byte>());
        });

        Assert.Equal(new InvocationContext(invocation.RequestId, invocation.Deadline, invocation.TraceId), seen);
    }

    [Fact]
    public async Task Context_CarriesTheClientContextOfTheInvocation()
    {
        this.api.Enqueue("{}", clientContext: """{"custom":{"simId":"8942310022000012345"}}""");
        InvocationContext? seen = null;

        await RunAsync((_, context, _) =>
        {
            seen = context;
            return Task.FromResult(Array.Empty<byte>());
        });

        Assert.Equal("""{"custom":{"simId":"8942310022000012345"}}""", seen!.ClientContext);
    }

    [Theory]
    [InlineData("InvalidEvent")]
    [InlineData("ConfigurationError")]
    [InlineData("PlugUnreachable")]
    [InlineData("PlugError")]
    [InlineData("ProtocolError")]
    public async Task Error_WhenHandlerThrowsFunctionException_IsPostedWithItsErrorType(string errorType)
    {
        var invocation = this.api.Enqueue("{}");

        await RunAsync((_, _, _) => throw new FunctionException(errorType, "what went wrong"));

        var (requestId, error) = Assert.Single(this.api.Errors);
        Assert.Equal(invocation.RequestId, requestId);
        Assert.Equal(new RuntimeError("what went wrong", errorType), error);
        Assert.Empty(error.StackTrace);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(OperationCanceledException))]
    public async Task Error_WhenHandlerFailsUnexpectedly_IsPostedAndTheNextInvocationIsServed(Type exceptionType)
    {
        const string dotnetMessage = "the .NET message of the defect";
        var failing = this.api.Enqueue("""{"fail":true}""");
        var next = this.api.Enqueue("{}");

        await RunAsync((eventJson, _, _) => eventJson.Length > 2
            ? throw (Exception)Activator.CreateInstance(exceptionType, dotnetMessage)!
            : Task.FromResult("ok"u8.ToArray()));

        var (requestId, error) = Assert.Single(this.api.Errors);
        Assert.Equal((failing.RequestId, ErrorTypes.InternalError), (requestId, error.ErrorType));
        Assert.DoesNotContain(dotnetMessage, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(next.RequestId, Assert.Single(this.api.Responses).RequestId);
        var line = Assert.Single(LogLines(), line => line.TryGetProperty("stackTrace", out _));
        Assert.Equal(("ERROR", failing.RequestId), (line.GetProperty("level").GetString(), line.GetProperty("requestId").GetString()));
        Assert.Equal((exceptionType.FullName, dotnetMessage), (line.GetProperty("errorType").GetString(), line.GetProperty("errorMessage").GetString()));
        Assert.NotEmpty(line.GetProperty("stackTrace").EnumerateArray());
    }

    [Fact]
    public async Task Init_WhenBuildingTheFunctionHitsADefect_PostsInternalErrorAndLogsOneFatalLine()
    {
        var exit = await new RuntimeLoop(this.api, Log()).RunAsync(
            () => throw new InvalidOperationException("the SSM client cannot be built"), CancellationToken.None);

        Assert.Equal(ExitCodes.InitFailed, exit);
        Assert.Equal(ErrorTypes.InternalError, Assert.Single(this.api.InitErrors).ErrorType);
        var line = Assert.Single(LogLines());
        Assert.Equal(("FATAL", typeof(InvalidOperationException).FullName), (line.GetProperty("level").GetString(), line.GetProperty("errorType").GetString()));
    }

    [Fact]
    public async Task Stop_DuringAnInvocation_LetsItFinishAndPostThenExits()
    {
        var invocation = this.api.Enqueue("{}");
        this.api.Enqueue("{}");
        using var stopping = new CancellationTokenSource();

        var exit = await new RuntimeLoop(this.api, Log()).RunAsync(
            () => async (_, _, cancellationToken) =>
            {
                await stopping.CancelAsync();
                await Task.Yield();
                Assert.False(cancellationToken.IsCancellationRequested);
                return "done"u8.ToArray();
            },
            stopping.Token);

        Assert.Equal(ExitCodes.Stopped, exit);
        Assert.Equal(invocation.RequestId, Assert.Single(this.api.Responses).RequestId);
        Assert.Equal(1, this.api.NextCalls);
        Assert.Equal("INFO", Assert.Single(LogLines()).GetProperty("level").GetString());
    }

    [Fact]
    public async Task Stop_WhileWaitingForTheNextEvent_ExitsAtOnce()
    {
        this.api.HoldWhenEmpty = true;
        using var stopping = new CancellationTokenSource();

        var run = new RuntimeLoop(this.api, Log()).RunAsync(() => (_, _, _) => Task.FromResult(Array.Empty<byte>()), stopping.Token);
        await this.api.Polled.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();

        Assert.Equal(ExitCodes.Stopped, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(this.api.Responses);
    }

    [Fact]
    public async Task TraceId_IsInTheEnvironmentForItsOwnInvocationOnly()
    {
        this.api.Enqueue("{}", traceId: "Root=1-aaaaaaaa-000000000000000000000001");
        this.api.Enqueue("{}", traceId: null);
        this.api.Enqueue("{}", traceId: "Root=1-aaaaaaaa-000000000000000000000003");
        var seen = new List<string?>();

        await RunAsync((_, _, _) =>
        {
            seen.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            return Task.FromResult(Array.Empty<byte>());
        });

        Assert.Equal(
            ["Root=1-aaaaaaaa-000000000000000000000001", null, "Root=1-aaaaaaaa-000000000000000000000003"],
            seen);
    }

    [Fact]
    public async Task Init_WhenBuildingTheFunctionFails_PostsInitErrorAndNeverAsksForEvents()
    {
        this.api.Enqueue("{}");

        var exit = await new RuntimeLoop(this.api, Log()).RunAsync(
            () => throw new FunctionException("ConfigurationError", "PARAMETER_CACHE_SECONDS is not a number"),
            CancellationToken.None);

        Assert.Equal(ExitCodes.InitFailed, exit);
        Assert.Equal(new RuntimeError("PARAMETER_CACHE_SECONDS is not a number", "ConfigurationError"), Assert.Single(this.api.InitErrors));
        Assert.Equal(0, this.api.NextCalls);
    }

    [Fact]
    public async Task Exit_WhenNextAnswers500_WithoutCallingTheHandler()
    {
        var handled = 0;

        var exit = await RunAsync((_, _, _) =>
        {
            handled++;
            return Task.FromResult(Array.Empty<byte>());
        });

        Assert.Equal(ExitCodes.RuntimeApiClosed, exit);
        Assert.Equal(1, this.api.NextCalls);
        Assert.Equal(0, handled);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 3)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, 3)]
    [InlineData(HttpStatusCode.InternalServerError, 1)]
    [InlineData(null, 1)]
    public async Task PostFailure_EndsTheLoopOnlyWhenTheApiSaysSo(HttpStatusCode? status, int expectedNextCalls)
    {
        this.api.Enqueue("{}");
        this.api.Enqueue("{}");
        this.api.PostFailure = new RuntimeApiException("rejected", status);

        var exit = await RunAsync((_, _, _) => Task.FromResult(Array.Empty<byte>()));

        Assert.Equal(ExitCodes.RuntimeApiClosed, exit);
        Assert.Equal(expectedNextCalls, this.api.NextCalls);
    }

    public void Dispose()
    {
        // The loop sets the process-wide trace variable; leave none behind for other tests in this process.
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", null);
        this.log.Dispose();
    }

    private Task<int> RunAsync(InvocationHandler handler) =>
        new RuntimeLoop(this.api, Log()).RunAsync(() => handler, CancellationToken.None);

    private LogWriter Log() => new(this.log, LogLevel.Info, TimeProvider.System);

    private IEnumerable<JsonElement> LogLines() =>
        this.log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
