using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// An SSM endpoint in front of moto_server for what moto cannot do: while <see cref="DenyAccess"/> is set it answers
/// every call as SSM does for a role without the permission (HTTP 400, <c>AccessDeniedException</c> in the AWS JSON 1.1
/// protocol); otherwise it forwards the request to moto unchanged. It records the <c>X-Amzn-Trace-Id</c> header the
/// AWS SDK adds from <c>_X_AMZN_TRACE_ID</c> inside Lambda, which shows the variable as the function saw it.
/// </summary>
public sealed class SsmGate : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token"];

    private readonly WebApplication app;
    private readonly HttpClient moto;

    private SsmGate(WebApplication app, Uri motoEndpoint)
    {
        this.app = app;
        moto = new HttpClient { BaseAddress = motoEndpoint, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The value for <c>AWS_ENDPOINT_URL_SSM</c>.</summary>
    public string Url { get; private set; } = "";

    public bool DenyAccess { get; set; }

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
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(bound.Token);
        await app.DisposeAsync();
        moto.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var trace = context.Request.Headers["X-Amzn-Trace-Id"];
        TraceHeaders.Enqueue(trace.Count == 0 ? null : trace.ToString());
        if (DenyAccess)
        {
            await DenyAsync(context);
        }
        else
        {
            await ForwardAsync(context);
        }
    }

    private static async Task DenyAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var action = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(
            $$"""{"__type":"AccessDeniedException","message":"User: arn:aws:sts::123456789012:assumed-role/ButtonToPlug/fn is not authorized to perform: ssm:{{action}} on resource: arn:aws:ssm:us-east-1:123456789012:parameter/ButtonToPlug because no identity-based policy allows the ssm:{{action}} action"}""");
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

        using var answer = await moto.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
