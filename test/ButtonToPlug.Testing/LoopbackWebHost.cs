using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ButtonToPlug.Testing;

/// <summary>
/// Kestrel on 127.0.0.1 and a free port with nothing but the routes its owner maps: the one way the test peers (the gates
/// in front of moto_server, the local Runtime APIs, a foreign web server) listen, so each of them only says what it answers.
/// </summary>
public sealed class LoopbackWebHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackWebHost(WebApplication app) => this.app = app;

    /// <summary>Where the routes are mapped, before <see cref="StartAsync"/>.</summary>
    public IEndpointRouteBuilder Routes => this.app;

    /// <summary>The address it listens on, <c>http://127.0.0.1:port</c>, once started.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Host and port, as the Runtime API address is given.</summary>
    public string Authority => new Uri(Url).Authority;

    public int Port => new Uri(Url).Port;

    /// <summary>A host not yet listening: map its routes on <see cref="Routes"/>, then start it.</summary>
    public static LoopbackWebHost Create()
    {
        // The empty builder: no configuration files, no logging providers, no HTTPS — a test peer needs none of them.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        return new LoopbackWebHost(builder.Build());
    }

    /// <summary>Hands every request, whatever its method and path, to <paramref name="answer"/>: a device's own web server.</summary>
    public void AnswerEveryRequest(RequestDelegate answer) => this.app.Map("{**path}", answer);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await this.app.StartAsync(cancellationToken);
        Url = this.app.Urls.Single();
    }

    /// <summary>Stops within 5 s: an owner ends its own long polls or stuck answers first, so the bound only guards a hang.</summary>
    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await this.app.StopAsync(bound.Token);
        await this.app.DisposeAsync();
    }
}
