using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Testing;

/// <summary>
/// An ordinary web server on a free loopback port that answers every request the same way — what a port-forward to the
/// router's admin page or another device looks like to a KLAP client.
/// </summary>
public sealed class KlapForeignWebServer : IAsyncDisposable
{
    private readonly LoopbackWebHost host;

    private KlapForeignWebServer(LoopbackWebHost host) => this.host = host;

    public int Port => this.host.Port;

    public static async Task<KlapForeignWebServer> StartAsync(int status, string contentType, string body, CancellationToken cancellationToken)
    {
        var host = LoopbackWebHost.Create();
        // Any method, any path: a foreign server answers whatever the client asks with the same page.
        host.AnswerEveryRequest(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await host.StartAsync(cancellationToken);
        return new KlapForeignWebServer(host);
    }

    public ValueTask DisposeAsync() => this.host.DisposeAsync();
}
