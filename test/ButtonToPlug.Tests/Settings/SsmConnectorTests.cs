using System.Net;
using System.Net.Sockets;
using System.Text;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Testing.Latency;
using ButtonToPlug.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Settings;

/// <summary>
/// The connection to SSM opened at start-up (<see cref="ParameterStoreSettings.Connect"/>, <see cref="SsmConnector"/>):
/// the first read rides it, and an early connection that does not fit never costs the read anything. Connections and
/// requests are counted by a proxy in front of moto_server (no delay added).
/// </summary>
[Collection(MotoTests.Name)]
public sealed class SsmConnectorTests(MotoFixture fixture) : IAsyncLifetime
{
    private readonly string path = MotoFixture.NewPath();
    private readonly FakeTimeProvider time = new();
    private LatencyProxy proxy = null!;

    private string ProxyUrl => $"http://127.0.0.1:{this.proxy.Port}";

    public async Task InitializeAsync()
    {
        this.proxy = LatencyProxy.Start(fixture.Server.Port, TimeSpan.Zero, () => new HttpRequestCounter());
        await fixture.Server.PutAsync($"{this.path}/host", "home.example.net");
    }

    public async Task DisposeAsync() => await this.proxy.DisposeAsync();

    [Fact]
    public async Task TheFirstRead_TakesTheConnectionOpenedAtStartUp()
    {
        var (source, _) = Source();

        await Assert.IsAssignableFrom<Task>(source.Connect());
        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
        Assert.Equal(new ProxyCounts(1, 1), this.proxy.TakeCounts());
    }

    [Fact]
    public async Task AnEarlyConnectionOlderThanItsUseWithin_IsClosed_AndTheReadConnectsAfresh()
    {
        var (source, _) = Source();

        await Assert.IsAssignableFrom<Task>(source.Connect());
        this.time.Advance(SsmConnector.UseWithin);
        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
        Assert.Equal(new ProxyCounts(2, 1), this.proxy.TakeCounts());
    }

    [Fact]
    public async Task AnEarlyConnectionToAnotherEndpoint_IsClosed_AndTheReadConnectsAfresh()
    {
        var (source, connector) = Source();
        using var elsewhere = new TcpListener(IPAddress.Loopback, 0);
        elsewhere.Start();

        await connector.OpenEarly(new DnsEndPoint("127.0.0.1", ((IPEndPoint)elsewhere.LocalEndpoint).Port));
        using var early = await elsewhere.AcceptSocketAsync();
        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
        Assert.Equal(new ProxyCounts(1, 1), this.proxy.TakeCounts());
        Assert.Equal(0, await early.ReceiveAsync(new byte[1], SocketFlags.None).WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task AnEarlyConnectThatWasRefused_DoesNotFailTheRequest_WhichConnectsAfresh()
    {
        var connector = new SsmConnector(this.time);
        var port = FreePort.Next();
        await connector.OpenEarly(new DnsEndPoint("127.0.0.1", port));
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var config = SsmClientFactory.NewConfig(connector);
        config.Timeout = TimeSpan.FromMinutes(1);
        using var http = new SsmHttpClientFactory(connector).CreateHttpClient(config);

        var accepting = listener.AcceptSocketAsync();
        var asking = http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
        if (await Task.WhenAny(accepting, asking) == accepting)
        {
            using var served = await accepting;
            await AnswerOkAsync(served);
        }

        Assert.Equal("ok", await asking);
    }

    [Fact]
    public void TheEndpoint_IsTheServiceUrl_ElseTheRegionsOwn()
    {
        var config = SsmClientFactory.NewConfig(new SsmConnector(this.time));
        config.IgnoreConfiguredEndpointUrls = true;
        config.RegionEndpoint = Amazon.RegionEndpoint.EUCentral1;
        var inTheRegion = SsmConnector.EndpointOf(config);
        config.ServiceURL = "https://ssm.example.test:8443";

        Assert.Equal(new DnsEndPoint("ssm.eu-central-1.amazonaws.com", 443), inTheRegion);
        Assert.Equal(new DnsEndPoint("ssm.example.test", 8443), SsmConnector.EndpointOf(config));
    }

    [Fact]
    public void TheEndpoint_FollowsAwsEndpointUrlSsm_AsTheSdkDoes()
    {
        var config = SsmClientFactory.NewConfig(new SsmConnector(this.time));

        Assert.Equal(new DnsEndPoint("127.0.0.1", fixture.Server.Port), SsmConnector.EndpointOf(config));
    }

    /// <summary>Reads one request's header block and answers it with 200 and the body "ok".</summary>
    private static async Task AnswerOkAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (!Encoding.ASCII.GetString([.. received]).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
            Assert.NotEqual(0, read);
            received.AddRange(buffer.AsSpan(0, read));
        }

        await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray(), SocketFlags.None);
    }

    private (ParameterStoreSettings Source, SsmConnector Connector) Source()
    {
        var connector = new SsmConnector(this.time);
        var client = MotoServer.SsmClientAt(ProxyUrl, SsmClientFactory.NewConfig(connector));
        return (new ParameterStoreSettings(client, this.path, TimeSpan.FromMinutes(5), this.time, connector), connector);
    }
}
