using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Hostile;

/// <summary>
/// One XOR transport keeps its connection for the next request (a toggle: one connect, two requests), and never loses a request
/// to a connection the plug closed after its last answer (some firmware does, and its FIN can trail the answer): a closed one is
/// seen before the write, and one that closes under the write is resent once on a fresh connection.
/// </summary>
public sealed class ConnectionReuseTests
{
    private const string SysInfo = """{"system":{"get_sysinfo":{"model":"HS100(US)","alias":"fake","relay_state":0,"err_code":0}}}""";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PeerKeepsConnectionOpen_RequestsShareOneConnection()
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            while (await connection.ReadRequestAsync() is not null)
            {
                await connection.AnswerAsync(SysInfo);
            }
        });
        await using var transport = Transport(plug);
        var client = new KasaClient(transport);

        for (var i = 0; i < 3; i++)
        {
            await client.GetSysInfoAsync(CancellationToken.None);
        }

        Assert.Equal(1, plug.Connections);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Toggle_OnAWorkingPlug_TakesOneConnectionAndTwoRequests(bool relayOn)
    {
        await using var plug = ScriptedPlug.Working(relayOn);
        await using var transport = Transport(plug);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None);

        Assert.Equal(new RelayChange(relayOn, !relayOn, null), change);
        Assert.Equal(!relayOn, plug.RelayOn);
        Assert.Equal(1, plug.Connections);
        Assert.Equal(2, plug.Requests.Count);
    }

    [Theory]
    [InlineData(RelayAction.On)]
    [InlineData(RelayAction.Off)]
    public async Task OnOrOff_OnAWorkingPlug_TakesOneConnectionAndOneRequest(RelayAction action)
    {
        await using var plug = ScriptedPlug.Working(relayOn: action == RelayAction.Off);
        await using var transport = Transport(plug);

        await new KasaClient(transport).SwitchAsync(action, outlet: null, CancellationToken.None);

        Assert.Equal(action == RelayAction.On, plug.RelayOn);
        Assert.Equal(1, plug.Connections);
        Assert.Single(plug.Requests);
    }

    [Fact]
    public async Task Countdown_OnAWorkingPlug_TakesOneConnectionAndOneRequest()
    {
        await using var plug = ScriptedPlug.Working();
        await using var transport = Transport(plug);

        await new KasaClient(transport).SwitchWithCountdownAsync(true, TimeSpan.FromMinutes(30), null, CancellationToken.None);

        Assert.True(plug.RelayOn);
        Assert.Equal(1, plug.Connections);
        Assert.Single(plug.Requests);
    }

    [Fact]
    public async Task PeerClosesSoonAfterEachAnswer_TwentyTogglesAllSwitchOnce()
    {
        await using var plug = ScriptedPlug.Start(ScriptedPlug.AnswerOnceThenCloseSoonAsync);
        await using var transport = Transport(plug);
        var client = new KasaClient(transport);

        for (var i = 0; i < 20; i++)
        {
            var change = await client.SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None);
            Assert.Equal(i % 2 == 0, change.IsOn);
        }

        // Every request ends on a connection the plug answers it on: one per request, whether the close was seen before the
        // write or crossed it.
        Assert.Equal(20, plug.CountRequests("set_relay_state"));
        Assert.Equal(40, plug.Connections);
        Assert.False(plug.RelayOn);
    }

    [Fact]
    public async Task Toggle_OnAPlugThatClosesAfterEachAnswer_SwitchesOnceOnTwoConnections()
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is { } request)
            {
                await connection.AnswerAsync(connection.Plug.AnswerLikeAPlug(request));
            }

            connection.Hangup();
        });
        await using var transport = Transport(plug);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None);

        Assert.True(change.IsOn);
        Assert.True(plug.RelayOn);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.Equal(2, plug.Connections);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Toggle_WhenThePlugClosesTheConnectionUnderTheSwitch_ResendsItOnceOnAFreshConnection(bool reset)
    {
        await using var plug = ScriptedPlug.Start(connection => ScriptedPlug.AnswerOnceThenCloseUnderTheNextRequestAsync(connection, carryOut: false, reset));
        await using var transport = Transport(plug);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None);

        Assert.Equal(new RelayChange(false, true, null), change);
        Assert.True(plug.RelayOn);

        // The first switch reached connection 1 after its read and was dropped there unanswered; the second one, on
        // connection 2, switched.
        Assert.Equal(2, plug.Connections);
        Assert.Equal(2, plug.CountRequests("set_relay_state"));
    }

    [Fact]
    public async Task Toggle_WhenThePlugSwitchesThenClosesWithoutAnswering_TheResendSetsTheSameStateAndDoesNotSwitchBack()
    {
        await using var plug = ScriptedPlug.Start(connection => ScriptedPlug.AnswerOnceThenCloseUnderTheNextRequestAsync(connection, carryOut: true, reset: false));
        await using var transport = Transport(plug);

        var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None);

        Assert.Equal(new RelayChange(false, true, null), change);
        Assert.True(plug.RelayOn);
        var switches = plug.Requests.Where(r => r.Contains("set_relay_state", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, switches.Count);
        Assert.All(switches, s => Assert.Equal("""{"system":{"set_relay_state":{"state":1}}}""", s));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Toggle_WhenTheSwitchOnTheKeptConnectionIsPartlyAnswered_IsNotResent(bool reset)
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            while (await connection.ReadRequestAsync() is { } request)
            {
                var answer = connection.Plug.AnswerLikeAPlug(request);
                if (!request.Contains("set_relay_state", StringComparison.Ordinal))
                {
                    await connection.AnswerAsync(answer);
                    continue;
                }

                await connection.SendAsync(PlugConnection.Frame(answer).AsMemory(0, 7));
                if (reset)
                {
                    connection.Reset();
                }
                else
                {
                    connection.Hangup();
                }

                return;
            }
        });
        await using var transport = Transport(plug);

        var failure = await Assert.ThrowsAnyAsync<KasaException>(
            () => new KasaClient(transport).SwitchAsync(RelayAction.Toggle, outlet: null, CancellationToken.None));

        if (reset)
        {
            Assert.True(Assert.IsType<KasaUnreachableException>(failure).RequestSent);
        }
        else
        {
            Assert.IsType<KasaProtocolException>(failure);
        }

        Assert.True(plug.RelayOn);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.Equal(1, plug.Connections);
    }

    [Fact]
    public async Task PeerClosesAfterEachAnswer_EachRequestGetsAFreshConnection()
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            await connection.ReadRequestAsync();
            await connection.AnswerAsync(SysInfo);
            connection.Hangup();
        });
        await using var transport = Transport(plug);
        var client = new KasaClient(transport);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("fake", (await client.GetSysInfoAsync(CancellationToken.None)).Alias);
        }

        Assert.Equal(3, plug.Connections);
    }

    [Fact]
    public async Task AfterABrokenFrame_TheNextRequestStartsOnANewConnection()
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            // The first connection answers with an absurd length header and stays open; later ones answer properly.
            while (await connection.ReadRequestAsync() is not null)
            {
                await connection.SendAsync(connection.Number == 1 ? Convert.FromHexString("7fffffff") : PlugConnection.Frame(SysInfo));
            }
        });
        await using var transport = Transport(plug);
        var client = new KasaClient(transport);

        await Assert.ThrowsAsync<KasaProtocolException>(() => client.GetSysInfoAsync(CancellationToken.None));
        var info = await client.GetSysInfoAsync(CancellationToken.None);

        Assert.Equal("fake", info.Alias);
        Assert.Equal(2, plug.Connections);
    }

    private static XorTcpTransport Transport(ScriptedPlug plug) => new(new KasaEndpoint(ScriptedPlug.Host, plug.Port), Timeout);
}
