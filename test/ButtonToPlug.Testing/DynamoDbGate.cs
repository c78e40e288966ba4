using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ButtonToPlug.Testing;

/// <summary>
/// A DynamoDB endpoint on loopback in front of moto_server, for what moto cannot do: it counts every call by operation
/// (<c>PutItem</c>, <c>DeleteItem</c>, … from the AWS JSON 1.0 <c>X-Amz-Target</c>) and, for the next calls queued in
/// <see cref="NextFaults"/> and then while <see cref="Fault"/> is set, answers as DynamoDB or a broken network does (denied,
/// throttled, stuck, answer lost); otherwise it forwards the request to moto unchanged.
/// </summary>
public sealed class DynamoDbGate : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token"];

    private readonly WebApplication app;
    private readonly HttpClient moto;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    private DynamoDbGate(WebApplication app, Uri motoEndpoint)
    {
        this.app = app;
        this.moto = new HttpClient { BaseAddress = motoEndpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The value for <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The answer to every call (after <see cref="NextFaults"/> are used up); null forwards to moto.</summary>
    public DynamoDbFault? Fault { get; set; }

    /// <summary>Faults for the next calls, one call each, in order.</summary>
    public ConcurrentQueue<DynamoDbFault> NextFaults { get; } = new();

    /// <summary>Every call that arrived (each SDK attempt is one), by operation name.</summary>
    public int CallsTo(string operation) => this.calls.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>All calls that arrived, of any operation.</summary>
    public int Calls => this.calls.Values.Sum();

    public static async Task<DynamoDbGate> StartAsync(Uri motoEndpoint)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var gate = new DynamoDbGate(builder.Build(), motoEndpoint);
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
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        this.calls.AddOrUpdate(operation, 1, (_, count) => count + 1);
        DynamoDbFault? next = NextFaults.TryDequeue(out var queued) ? queued : Fault;
        if (next == DynamoDbFault.AnswerLost)
        {
            await ForwardAsync(context);
            context.Abort();
        }
        else if (next is { } fault)
        {
            await FailAsync(context, fault, operation);
        }
        else
        {
            await ForwardAsync(context);
        }
    }

    private async Task FailAsync(HttpContext context, DynamoDbFault fault, string operation)
    {
        if (fault == DynamoDbFault.Hang)
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

        var (type, message) = fault == DynamoDbFault.AccessDenied
            ? ("com.amazon.coral.service#AccessDeniedException",
                $"User: arn:aws:sts::123456789012:assumed-role/ButtonToPlug/fn is not authorized to perform: dynamodb:{operation} on resource: "
                + $"arn:aws:dynamodb:us-east-1:123456789012:table/clicks because no identity-based policy allows the dynamodb:{operation} action")
            : ("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded.");
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/x-amz-json-1.0";
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
