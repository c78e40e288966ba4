using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ButtonToPlug.Testing;

/// <summary>
/// An ordinary web server on a free loopback port that answers every request the same way — what a port-forward to the
/// router's admin page or another device looks like to a KLAP client.
/// </summary>
public sealed class KlapForeignWebServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private KlapForeignWebServer(WebApplication app) => this.app = app;

    public int Port { get; private set; }

    public static async Task<KlapForeignWebServer> StartAsync(int status, string contentType, string body, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var server = new KlapForeignWebServer(app)
        {
            Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port,
        };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }
}
