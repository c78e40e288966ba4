using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// An SSM endpoint that denies everything, as SSM does for a role without <c>ssm:GetParametersByPath</c>: HTTP 400
/// with an <c>AccessDeniedException</c> in the AWS JSON 1.1 protocol. moto_server cannot be made to answer this.
/// </summary>
public sealed class AccessDeniedSsm : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private AccessDeniedSsm(WebApplication app) => this.app = app;

    /// <summary>The value for <c>AWS_ENDPOINT_URL_SSM</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>How many SSM calls arrived (the function must actually have asked).</summary>
    public int Requests => Volatile.Read(ref requests);

    public static async Task<AccessDeniedSsm> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var ssm = new AccessDeniedSsm(builder.Build());
        ssm.app.MapPost("/", ssm.DenyAsync);
        await ssm.app.StartAsync();
        ssm.Url = ssm.app.Urls.Single();
        return ssm;
    }

    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(bound.Token);
        await app.DisposeAsync();
    }

    private async Task DenyAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var action = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-ErrorType"] = "AccessDeniedException";
        await context.Response.WriteAsync(
            $$"""{"__type":"AccessDeniedException","message":"User: arn:aws:sts::123456789012:assumed-role/ButtonToPlug/fn is not authorized to perform: ssm:{{action}} on resource: arn:aws:ssm:us-east-1:123456789012:parameter/ButtonToPlug because no identity-based policy allows the ssm:{{action}} action"}""");
    }
}
