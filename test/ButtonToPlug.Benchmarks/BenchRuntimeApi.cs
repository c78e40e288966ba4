using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using ButtonToPlug.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// A minimal Lambda Runtime API (2018-06-01) on Kestrel at 127.0.0.1: hands out queued events on <c>next</c> and stamps,
/// with the harness's own <see cref="Stopwatch"/>, when each event was handed out and when its response or error arrived.
/// The end-to-end test's endpoint lives in a test project, so the harness keeps this small one of its own.
/// </summary>
internal sealed class BenchRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly LoopbackWebHost host = LoopbackWebHost.Create();
    private readonly CancellationTokenSource stopping = new();
    private readonly Channel<string?> queue = Channel.CreateUnbounded<string?>();
    private readonly ConcurrentDictionary<string, Invocation> invocations = new();
    private readonly Channel<long> polls = Channel.CreateUnbounded<long>();

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    public static async Task<BenchRuntimeApi> StartAsync()
    {
        var api = new BenchRuntimeApi();
        api.MapRoutes();
        await api.host.StartAsync();
        api.Address = api.host.Authority;
        return api;
    }

    /// <summary>Queues an event for the next <c>next</c> call; await <see cref="Invocation.Completed"/> for the outcome.</summary>
    public Invocation Enqueue(byte[] eventJson)
    {
        var invocation = new Invocation(Guid.NewGuid().ToString(), eventJson);
        this.invocations[invocation.RequestId] = invocation;
        this.queue.Writer.TryWrite(invocation.RequestId);
        return invocation;
    }

    /// <summary>The next <c>next</c> call is answered 500: the runtime exits.</summary>
    public void RefuseNext() => this.queue.Writer.TryWrite(null);

    /// <summary>Forgets the <c>next</c> calls seen so far.</summary>
    public void ForgetPolls()
    {
        while (this.polls.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>Waits for the next call to <c>next</c> (a runtime parked, waiting for work).</summary>
    /// <returns>When the call arrived (Stopwatch timestamp).</returns>
    public async Task<long> WaitForPollAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        return await this.polls.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await this.stopping.CancelAsync();
        await this.host.DisposeAsync();
        this.stopping.Dispose();
    }

    private void MapRoutes()
    {
        this.host.Routes.MapGet($"{Prefix}/invocation/next", NextAsync);
        this.host.Routes.MapPost($"{Prefix}/invocation/{{requestId}}/response", context => CompleteAsync(context, failed: false));
        this.host.Routes.MapPost($"{Prefix}/invocation/{{requestId}}/error", context => CompleteAsync(context, failed: true));
        this.host.Routes.MapPost($"{Prefix}/init/error", async context =>
        {
            var body = await ReadBodyAsync(context);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            foreach (var pending in this.invocations.Values)
            {
                pending.Fail($"init error: {System.Text.Encoding.UTF8.GetString(body)}");
            }
        });
    }

    private async Task NextAsync(HttpContext context)
    {
        this.polls.Writer.TryWrite(Stopwatch.GetTimestamp());
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, this.stopping.Token);
        string? requestId;
        try
        {
            requestId = await this.queue.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        if (requestId is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var invocation = this.invocations[requestId];
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
        headers["Lambda-Runtime-Deadline-Ms"] =
            (DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:ButtonToPlug";
        headers["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = invocation.Event.Length;
        await context.Response.Body.WriteAsync(invocation.Event, context.RequestAborted);
        await context.Response.CompleteAsync();
        invocation.HandedOutAt = Stopwatch.GetTimestamp();
    }

    private async Task CompleteAsync(HttpContext context, bool failed)
    {
        var postedAt = Stopwatch.GetTimestamp();
        var requestId = (string)context.Request.RouteValues["requestId"]!;
        var body = await ReadBodyAsync(context);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        if (this.invocations.TryRemove(requestId, out var invocation))
        {
            invocation.Complete(postedAt, failed, body);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }
}
