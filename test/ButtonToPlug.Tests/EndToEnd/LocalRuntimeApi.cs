using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using ButtonToPlug.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// The Lambda Runtime API as documented (2018-06-01), on Kestrel at 127.0.0.1 and a free port: queued events are
/// handed out on <c>next</c>; responses, errors and init errors are recorded for tests to await.
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly LoopbackWebHost host = LoopbackWebHost.Create();
    private readonly CancellationTokenSource stopping = new();
    private readonly Channel<QueuedEvent?> queue = Channel.CreateUnbounded<QueuedEvent?>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationOutcome>> outcomes = new();
    private readonly TaskCompletionSource<PostedError> initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim polls = new(0);

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>: host and port.</summary>
    public string Address { get; private set; } = "";


    public static async Task<LocalRuntimeApi> StartAsync()
    {
        var api = new LocalRuntimeApi();
        api.MapRoutes();
        await api.host.StartAsync();
        api.Address = api.host.Authority;
        return api;
    }

    /// <summary>Queues an event; returns its request id.</summary>
    /// <param name="clientContext">Sent as <c>Lambda-Runtime-Client-Context</c>, as Lambda does for an invoker that gave one (SORACOM Funk).</param>
    /// <param name="cognitoIdentity">Sent as <c>Lambda-Runtime-Cognito-Identity</c>.</param>
    public string Enqueue(byte[] eventJson, string? traceId = null, TimeSpan? timeout = null, string? clientContext = null, string? cognitoIdentity = null)
    {
        // Kestrel refuses a header value with a line break by failing the whole next call, which ends the runtime.
        if ((clientContext ?? "").Contains('\n', StringComparison.Ordinal) || (cognitoIdentity ?? "").Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("a header value is one line: pass the client context or identity as compact JSON");
        }

        var requestId = Guid.NewGuid().ToString();
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Outcome(requestId);
        this.queue.Writer.TryWrite(new QueuedEvent(requestId, eventJson, deadline, traceId, clientContext, cognitoIdentity));
        return requestId;
    }

    /// <summary>The next <c>next</c> call (after the events already queued) is answered 500, which tells a runtime to exit.</summary>
    public void RefuseNext() => this.queue.Writer.TryWrite(null);

    public async Task<InvocationOutcome> WaitForOutcomeAsync(string requestId, TimeSpan bound)
    {
        try
        {
            return await Outcome(requestId).Task.WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No response or error for request {requestId} within {bound.TotalSeconds} s.");
        }
    }

    /// <summary>Waits for one more <c>next</c> call to arrive (each call is counted once).</summary>
    public async Task WaitForPollAsync(TimeSpan bound)
    {
        if (!await this.polls.WaitAsync(bound))
        {
            throw new TimeoutException($"No call to invocation/next within {bound.TotalSeconds} s.");
        }
    }

    public async Task<PostedError> WaitForInitErrorAsync(TimeSpan bound)
    {
        try
        {
            return await this.initError.Task.WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No init error posted within {bound.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A runtime may be parked in a long poll; end it so Kestrel can stop at once.
        await this.stopping.CancelAsync();
        await this.host.DisposeAsync();
        this.stopping.Dispose();
        this.polls.Dispose();
    }

    private void MapRoutes()
    {
        this.host.Routes.MapGet($"{Prefix}/invocation/next", NextAsync);
        this.host.Routes.MapPost($"{Prefix}/invocation/{{requestId}}/response", async context =>
        {
            var requestId = (string)context.Request.RouteValues["requestId"]!;
            var body = await ReadBodyAsync(context);
            Outcome(requestId).TrySetResult(new InvocationOutcome(requestId, body, null));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });
        this.host.Routes.MapPost($"{Prefix}/invocation/{{requestId}}/error", async context =>
        {
            var requestId = (string)context.Request.RouteValues["requestId"]!;
            var error = await ReadErrorAsync(context);
            Outcome(requestId).TrySetResult(new InvocationOutcome(requestId, null, error));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });
        this.host.Routes.MapPost($"{Prefix}/init/error", async context =>
        {
            this.initError.TrySetResult(await ReadErrorAsync(context));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });
    }

    private async Task NextAsync(HttpContext context)
    {
        this.polls.Release();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, this.stopping.Token);
        QueuedEvent? queued;
        try
        {
            queued = await this.queue.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        if (queued is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = queued.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] =
            queued.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:ButtonToPlug";
        if (queued.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = queued.TraceId;
        }

        if (queued.ClientContext is not null)
        {
            headers["Lambda-Runtime-Client-Context"] = queued.ClientContext;
        }

        if (queued.CognitoIdentity is not null)
        {
            headers["Lambda-Runtime-Cognito-Identity"] = queued.CognitoIdentity;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(queued.Event, context.RequestAborted);
    }

    private TaskCompletionSource<InvocationOutcome> Outcome(string requestId) =>
        this.outcomes.GetOrAdd(requestId, _ => new TaskCompletionSource<InvocationOutcome>(
            TaskCreationOptions.RunContinuationsAsynchronously));

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    private static async Task<PostedError> ReadErrorAsync(HttpContext context)
    {
        var header = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault();
        using var json = JsonDocument.Parse(await ReadBodyAsync(context));
        var root = json.RootElement;
        return new PostedError(
            header,
            root.TryGetProperty("errorType", out var type) ? type.GetString() : null,
            root.TryGetProperty("errorMessage", out var message) ? message.GetString() : null,
            root.TryGetProperty("stackTrace", out var trace) && trace.ValueKind == JsonValueKind.Array);
    }

    private sealed record QueuedEvent(
        string RequestId, byte[] Event, DateTimeOffset Deadline, string? TraceId, string? ClientContext, string? CognitoIdentity);
}
