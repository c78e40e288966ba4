using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// An SSM endpoint in front of moto_server for what moto cannot do: it answers calls with an <see cref="SsmFault"/> the way
/// SSM does in the AWS JSON 1.1 protocol (access denied, validation, throttling, HTTP 500, or no answer at all) — for the
/// next calls queued in <see cref="NextFaults"/>, then for every call while <see cref="Fault"/> is set; otherwise it
/// forwards the request to moto unchanged. It records the <c>X-Amzn-Trace-Id</c> header the
/// AWS SDK adds from <c>_X_AMZN_TRACE_ID</c> inside Lambda, which shows the variable as the function saw it.
/// </summary>
public sealed class SsmGate : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token"];

    private readonly WebApplication app;
    private readonly HttpClient moto;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int calls;

    private SsmGate(WebApplication app, Uri motoEndpoint)
    {
        this.app = app;
        this.moto = new HttpClient { BaseAddress = motoEndpoint, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The value for <c>AWS_ENDPOINT_URL_SSM</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Answer every call as SSM does for a role without the permission (<see cref="SsmFault.AccessDenied"/>).</summary>
    public bool DenyAccess
    {
        get => Fault == SsmFault.AccessDenied;
        set => Fault = value ? SsmFault.AccessDenied : null;
    }

    /// <summary>The fault for every call (after <see cref="NextFaults"/> are used up); null forwards to moto.</summary>
    public SsmFault? Fault { get; set; }

    /// <summary>Faults for the next calls, one call each, in order.</summary>
    public ConcurrentQueue<SsmFault> NextFaults { get; } = new();

    /// <summary>How many SSM calls arrived (each SDK attempt is one).</summary>
    public int Calls => Volatile.Read(ref this.calls);

    /// <summary>Completes when the first SSM call has arrived (its trace header already recorded).</summary>
    public Task FirstCall => this.firstCall.Task;

    /// <summary>The trace header of every SSM call, in arrival order (null when a call had none).</summary>
    public ConcurrentQueue<string?> TraceHeaders { get; } = new();

    public static async Task<SsmGate> StartAsync(Uri motoEndpoint)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var gate = new SsmGate(builder.Build(), motoEndpoint);
        gate.app.MapPost("/", gate.HandleAsync);
        await gate.app.StartAsync();
        gate.Url = gate.app.Urls.Single();
        return gate;
    }

    public async ValueTask DisposeAsync()
    {
        await this.stopping.CancelAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await this.app.StopAsync(bound.Token);
        await this.app.DisposeAsync();
        this.moto.Dispose();
        this.stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var trace = context.Request.Headers["X-Amzn-Trace-Id"];
        TraceHeaders.Enqueue(trace.Count == 0 ? null : trace.ToString());
        Interlocked.Increment(ref this.calls);
        this.firstCall.TrySetResult();
        SsmFault? fault = NextFaults.TryDequeue(out var next) ? next : Fault;
        if (fault is { } answer)
        {
            await FailAsync(context, answer);
        }
        else
        {
            await ForwardAsync(context);
        }
    }

    private async Task FailAsync(HttpContext context, SsmFault fault)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var action = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        if (fault == SsmFault.Hang)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, this.stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the gate is stopping; never answering was the point.
            }

            return;
        }

        var (status, type, message) = fault switch
        {
            SsmFault.AccessDenied => (StatusCodes.Status400BadRequest, "AccessDeniedException",
                $"User: arn:aws:sts::123456789012:assumed-role/ButtonToPlug/fn is not authorized to perform: ssm:{action} on resource: "
                + $"arn:aws:ssm:us-east-1:123456789012:parameter/ButtonToPlug because no identity-based policy allows the ssm:{action} action"),
            SsmFault.Validation => (StatusCodes.Status400BadRequest, "ValidationException", "The parameter path is not valid."),
            SsmFault.Throttling => (StatusCodes.Status400BadRequest, "ThrottlingException", "Rate exceeded"),
            _ => (StatusCodes.Status500InternalServerError, "InternalServerError", "An internal error occurred."),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync($$"""{"__type":"{{type}}","message":"{{message}}"}""");
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        foreach (var name in ForwardedHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                request.Headers.TryAddWithoutValidation(name, value.ToString());
            }
        }

        using var answer = await this.moto.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
