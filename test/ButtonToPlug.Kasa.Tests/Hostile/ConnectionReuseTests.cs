namespace ButtonToPlug.Kasa.Tests.Hostile;

/// <summary>One connection carries several requests while the plug keeps it open; a closed one is replaced before sending.</summary>
public sealed class ConnectionReuseTests
{
    private const string SysInfo = """{"system":{"get_sysinfo":{"model":"HS100(US)","alias":"fake","relay_state":0,"err_code":0}}}""";

    [Fact]
    public async Task PeerKeepsConnectionOpen_ThreeRequestsUseOneConnection()
    {
        await using var peer = new LoopbackPeer(async (stream, stop) =>
        {
            while (await LoopbackPeer.ReadRequestAsync(stream, stop) is not null)
            {
                await stream.WriteAsync(LoopbackPeer.Frame(SysInfo), stop);
            }
        });
        await using var transport = new XorTcpTransport(peer.Endpoint, TimeSpan.FromSeconds(5));
        var client = new KasaClient(transport);

        for (var i = 0; i < 3; i++)
        {
            await client.GetSysInfoAsync(CancellationToken.None);
        }

        Assert.Equal(1, peer.Connections);
    }

    [Fact]
    public async Task PeerClosesAfterEachAnswer_EachRequestGetsAFreshConnection()
    {
        await using var peer = new LoopbackPeer(async (stream, stop) =>
        {
            await LoopbackPeer.ReadRequestAsync(stream, stop);
            await stream.WriteAsync(LoopbackPeer.Frame(SysInfo), stop);
            stream.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        });
        await using var transport = new XorTcpTransport(peer.Endpoint, TimeSpan.FromSeconds(5));
        var client = new KasaClient(transport);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("fake", (await client.GetSysInfoAsync(CancellationToken.None)).Alias);
        }

        Assert.Equal(3, peer.Connections);
    }

    [Fact]
    public async Task AfterABrokenFrame_TheNextRequestStartsOnANewConnection()
    {
        var connections = 0;
        await using var peer = new LoopbackPeer(async (stream, stop) =>
        {
            // The first connection answers with an absurd length header and stays open; later ones answer properly.
            var first = Interlocked.Increment(ref connections) == 1;
            while (await LoopbackPeer.ReadRequestAsync(stream, stop) is not null)
            {
                await stream.WriteAsync(first ? Convert.FromHexString("7fffffff") : LoopbackPeer.Frame(SysInfo), stop);
            }
        });
        await using var transport = new XorTcpTransport(peer.Endpoint, TimeSpan.FromSeconds(5));
        var client = new KasaClient(transport);

        await Assert.ThrowsAsync<KasaProtocolException>(() => client.GetSysInfoAsync(CancellationToken.None));
        var info = await client.GetSysInfoAsync(CancellationToken.None);

        Assert.Equal("fake", info.Alias);
        Assert.Equal(2, peer.Connections);
    }
}
