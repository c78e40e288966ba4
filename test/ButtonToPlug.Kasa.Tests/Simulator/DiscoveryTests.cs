using System.Net;
using System.Net.Sockets;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Simulator;

/// <summary>UDP discovery, aimed at one simulated device's port (the same number as its TCP port) instead of broadcast.</summary>
public sealed class DiscoveryTests
{
    // Discovery listens for the whole window; an answer must fit in it even when node answers slowly on a loaded machine.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan EmptyWindow = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("hs110", "HS110(US)", 0)]
    [InlineData("hs300", "HS300(US)", 6)]
    public async Task Discover_SimulatedDevice_ReportsItOnce(string model, string expectedModel, int outlets)
    {
        await using var plugs = await SimulatedPlugs.StartAsync($"{model}=Found me");
        var port = plugs.Devices[0].Port;

        var found = await KasaDiscovery.DiscoverAsync(new IPEndPoint(IPAddress.Loopback, port), Window, CancellationToken.None);

        var plug = Assert.Single(found);
        Assert.Equal(new KasaEndpoint("127.0.0.1", port), plug.Endpoint);
        Assert.Equal(expectedModel, plug.SysInfo.Model);
        Assert.Equal("Found me", plug.SysInfo.Alias);
        Assert.Equal(outlets, plug.SysInfo.Children.Count);
    }

    [Fact]
    public async Task Discover_SomethingAnsweringGarbage_IsSkipped()
    {
        using var impostor = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)impostor.Client.LocalEndPoint!).Port;
        var answered = AnswerOnceWithGarbageAsync(impostor);

        var found = await KasaDiscovery.DiscoverAsync(new IPEndPoint(IPAddress.Loopback, port), Window, CancellationToken.None);

        await answered.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(found);
    }

    [Fact]
    public async Task Discover_NobodyListening_ReturnsNothingAfterTheWindow()
    {
        var found = await KasaDiscovery.DiscoverAsync(new IPEndPoint(IPAddress.Loopback, FreePort.Next()), EmptyWindow, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(found);
    }

    private static async Task AnswerOnceWithGarbageAsync(UdpClient impostor)
    {
        var request = await impostor.ReceiveAsync();
        await impostor.SendAsync("{\"not\":\"a plug\"}"u8.ToArray(), request.RemoteEndPoint);
    }
}
