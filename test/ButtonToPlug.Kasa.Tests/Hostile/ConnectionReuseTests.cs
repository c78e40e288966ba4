using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Hostile;

/// <summary>
/// Every request gets a connection of its own, so none is written into a connection the plug closed after its last answer
/// (some firmware does, and its FIN can trail the answer).
/// </summary>
public sealed class ConnectionReuseTests
{
    private const string SysInfo = """{"system":{"get_sysinfo":{"model":"HS100(US)","alias":"fake","relay_state":0,"err_code":0}}}""";

    [Fact]
    public async Task PeerKeepsConnectionOpen_EachRequestStillGetsAConnectionOfItsOwn()
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

        Assert.Equal(3, peer.Connections);
    }

    [Fact]
    public async Task PeerClosesSoonAfterEachAnswer_TwentyTogglesAllSwitchOnce()
    {
        await using var plug = ScriptedPlug.Start(ScriptedPlug.AnswerOnceThenCloseSoonAsync);
        await using var transport = new XorTcpTransport(new KasaEndpoint(ScriptedPlug.Host, plug.Port), TimeSpan.FromSeconds(5));
        var client = new KasaClient(transport);

        for (var i = 0; i < 20; i++)
        {
            var change = await client.SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None);
            Assert.Equal(i % 2 == 0, change.IsOn);
        }

        Assert.Equal(20, plug.CountRequests("set_relay_state"));
        Assert.False(plug.RelayOn);
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
