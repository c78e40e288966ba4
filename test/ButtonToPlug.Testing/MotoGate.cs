using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Testing;

/// <summary>
/// An AWS JSON endpoint on loopback in front of moto_server, for what moto cannot do: a subclass decides per call whether to
/// answer with a fault or forward the request to moto unchanged; the listening, forwarding and the shapes of the faults
/// (an AWS error body, an answer that never comes) are the same for every service and live here.
/// </summary>
public abstract class MotoGate : IAsyncDisposable
{
    // What the SDK signs and what moto dispatches on; the rest of the request headers mean nothing to moto.
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token"];

    private readonly LoopbackWebHost host = LoopbackWebHost.Create();
    private readonly HttpClient moto;
    private readonly CancellationTokenSource stopping = new();

    protected MotoGate(Uri motoEndpoint, TimeSpan motoTimeout)
    {
        this.moto = new HttpClient { BaseAddress = motoEndpoint, Timeout = motoTimeout };
    }

    /// <summary>The value for the service's <c>AWS_ENDPOINT_URL_…</c>.</summary>
    public string Url => this.host.Url;

    public async ValueTask DisposeAsync()
    {
        // A call held by a hang fault would keep Kestrel from stopping; end it first.
        await this.stopping.CancelAsync();
        await this.host.DisposeAsync();
        this.moto.Dispose();
        this.stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The operation of an AWS JSON call: <c>X-Amz-Target</c> after the service prefix (<c>AmazonSSM.GetParametersByPath</c>).</summary>
    protected static string OperationOf(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        return target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>Answers as the AWS JSON protocols do for an error: the status, a request id and <c>{"__type","message"}</c>.</summary>
    protected static async Task AnswerErrorAsync(HttpContext context, int status, string contentType, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync($$"""{"__type":"{{type}}","message":"{{message}}"}""");
    }

    /// <summary>Starts listening; every call goes to <see cref="HandleAsync"/>.</summary>
    protected async Task ListenAsync()
    {
        this.host.Routes.MapPost("/", HandleAsync);
        await this.host.StartAsync();
    }

    /// <summary>One call: count it, then fault it or <see cref="ForwardAsync"/> it.</summary>
    protected abstract Task HandleAsync(HttpContext context);

    /// <summary>Never answers: returns when the client gives up or the gate is stopping.</summary>
    protected async Task NeverAnswerAsync(HttpContext context)
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
    }

    /// <summary>Sends the request to moto as it came and copies moto's answer back.</summary>
    protected async Task ForwardAsync(HttpContext context)
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
