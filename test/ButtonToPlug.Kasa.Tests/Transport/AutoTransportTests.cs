using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ButtonToPlug.Kasa.Tests.Aes;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Transport;

/// <summary>
/// <c>protocol=auto</c> on ports that do not say what they speak: it settles on the plug's transport by probing (reads and
/// handshakes only), switches once on it, and remembers it for the next click.
/// </summary>
public sealed class AutoTransportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Toggle_OnAnXorPlugOnARandomPort_SettlesOnXorAndSwitchesOnce()
    {
        await using var plug = ScriptedPlug.Working();
        var factory = new KasaTransportFactory();
        var endpoint = new KasaEndpoint(ScriptedPlug.Host, plug.Port);

        await using (var transport = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
            Assert.Equal(ProtocolSetting.Xor, ((KasaAutoTransport)transport).Current);
        }

        Assert.True(plug.RelayOn);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.Equal([ProtocolSetting.Xor], factory.ProbeOrder(endpoint, null));
    }

    [Theory]
    [InlineData(RelayAction.On, 1)] // the probe is the switch itself
    [InlineData(RelayAction.Toggle, 2)] // the probe is the toggle's read, then the switch
    public async Task Switch_OnAnXorPlug_GoesOnTheConnectionOfTheProbe(RelayAction action, int xorRequests)
    {
        var arrivals = new ConcurrentQueue<int>();
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            // The KLAP and AES probes' HTTP is not read as a request: only XOR requests arrive here.
            while (await connection.ReadRequestAsync() is { } request)
            {
                arrivals.Enqueue(connection.Number);
                await connection.AnswerAsync(connection.Plug.AnswerLikeAPlug(request));
            }
        });

        await using (var transport = new KasaTransportFactory().Create(new KasaEndpoint(ScriptedPlug.Host, plug.Port), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchAsync(action, null, CancellationToken.None);
        }

        Assert.True(plug.RelayOn);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.Equal(xorRequests, arrivals.Count);
        Assert.Single(arrivals.Distinct());
    }

    [Fact]
    public async Task Toggle_OnAColdXorPlug_ReadsOnceTheProbeAnswerServingTheToggleRead()
    {
        await using var plug = ScriptedPlug.Working(relayOn: true);

        await using (var transport = new KasaTransportFactory().Create(new KasaEndpoint(ScriptedPlug.Host, plug.Port), ProtocolSetting.Auto, null, Timeout))
        {
            var change = await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
            Assert.Equal(true, change.WasOn);
        }

        Assert.False(plug.RelayOn);
        Assert.Equal(1, plug.CountRequests("get_sysinfo"));
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
    }

    [Fact]
    public async Task Countdown_OnAColdXorPlug_IsOneRequestTheProbeItself()
    {
        await using var plug = ScriptedPlug.Working(relayOn: false);

        await using (var transport = new KasaTransportFactory().Create(new KasaEndpoint(ScriptedPlug.Host, plug.Port), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchWithCountdownAsync(true, TimeSpan.FromMinutes(30), null, CancellationToken.None);
        }

        Assert.True(plug.RelayOn);
        Assert.Single(plug.Requests);
        Assert.Equal(1, plug.CountRequests("add_rule"));
    }

    [Fact]
    public async Task On_OnAColdKlapPlug_TheXorProbeSwitchesNothingAndKlapSwitchesOnce()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);

        await using (var transport = new KasaTransportFactory().Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None);
            Assert.Equal(ProtocolSetting.Klap, ((KasaAutoTransport)transport).Current);
        }

        Assert.True(device.Plug.RelayOn);
        Assert.Equal(["system.set_relay_state"], device.Plug.Executed);
    }

    [Fact]
    public async Task On_OnAColdAesPlug_TheXorProbeSwitchesNothingAndAesSwitchesOnce()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);

        await using (var transport = new KasaTransportFactory().Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None);
            Assert.Equal(ProtocolSetting.Aes, ((KasaAutoTransport)transport).Current);
        }

        Assert.True(plug.RelayOn);
        Assert.Single(plug.Executed, "set_device_info");
    }

    [Fact]
    public async Task Read_AfterTheToggle_AsksThePlugAgainRatherThanTheProbeAnswer()
    {
        await using var plug = ScriptedPlug.Working(relayOn: false);

        await using (var transport = new KasaTransportFactory().Create(new KasaEndpoint(ScriptedPlug.Host, plug.Port), ProtocolSetting.Auto, null, Timeout))
        {
            var client = new KasaClient(transport);
            await client.SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
            Assert.True((await client.GetSysInfoAsync(CancellationToken.None)).IsOn);
        }

        // The probe's read served the toggle; the read after the switch is the plug's own answer.
        Assert.Equal(2, plug.CountRequests("get_sysinfo"));
    }

    [Fact]
    public async Task Toggle_OnAKlapPlugOnARandomPort_SettlesOnKlapAndSwitchesOnce()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        var factory = new KasaTransportFactory();

        await using (var transport = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
            Assert.Equal(ProtocolSetting.Klap, ((KasaAutoTransport)transport).Current);
        }

        Assert.True(device.Plug.RelayOn);
        Assert.Equal(["system.get_sysinfo", "system.set_relay_state"], device.Plug.Executed);
        Assert.Equal(1, device.Handshakes);
        Assert.Equal([ProtocolSetting.Klap], factory.ProbeOrder(device.Endpoint(), null));
    }

    [Fact]
    public async Task Toggle_OnAnAesPlug_SettlesOnAesAndSwitchesOnce()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        var factory = new KasaTransportFactory();

        await using (var transport = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
            Assert.Equal(ProtocolSetting.Aes, ((KasaAutoTransport)transport).Current);
        }

        Assert.True(plug.RelayOn);
        Assert.Single(plug.Executed, "set_device_info");
        Assert.Equal([ProtocolSetting.Aes], factory.ProbeOrder(device.Endpoint(), null));
    }

    [Fact]
    public async Task SecondClick_OnARememberedPlug_MakesNoProbe()
    {
        await using var plug = ScriptedPlug.Working();
        var factory = new KasaTransportFactory();
        var endpoint = new KasaEndpoint(ScriptedPlug.Host, plug.Port);
        await using (var first = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(first).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);
            Assert.Equal(3, ((KasaAutoTransport)first).Probes);
        }

        var readsBefore = plug.CountRequests("get_sysinfo");
        await using var second = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout);
        await new KasaClient(second).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None);

        Assert.Equal(0, ((KasaAutoTransport)second).Probes);
        Assert.Equal(readsBefore + 1, plug.CountRequests("get_sysinfo"));
        Assert.False(plug.RelayOn);
        Assert.Equal(2, plug.CountRequests("set_relay_state"));
    }

    [Fact]
    public async Task Send_BehindAPortThatNeverAnswers_IsClassifiedWithinOnePlugTimeout()
    {
        // Silent to XOR bytes and to HTTP alike, like a web server waiting for a request line that never ends.
        await using var silent = ScriptedPlug.Start(connection => connection.SilenceAsync());
        var timeout = TimeSpan.FromSeconds(3);
        await using var transport = new KasaTransportFactory().Create(new KasaEndpoint(ScriptedPlug.Host, silent.Port), ProtocolSetting.Auto, null, timeout);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        // Probed one after the other this would take three timeouts; side by side it takes one.
        Assert.True(clock.Elapsed < 2 * timeout, $"took {clock.Elapsed}");
        Assert.Contains("speaks none of KLAP, AES, XOR", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, silent.CountRequests("set_relay_state"));
    }

    [Fact]
    public async Task Send_ToAKlapPlugThatRefusesTheCredentials_IsTheAuthenticationFailure()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(
            new KlapDeviceOptions { Username = "owner@example.com", Password = "right" }, CancellationToken.None);
        await using var transport = new KasaTransportFactory().Create(
            device.Endpoint(), ProtocolSetting.Auto, new KasaCredentials("owner@example.com", "wrong"), Timeout);

        await Assert.ThrowsAsync<KasaAuthenticationException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.Empty(device.Plug.Executed);
    }

    [Fact]
    public async Task Send_ToAnAesPlugThatRefusesTheCredentials_IsTheAuthenticationFailure()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions { Username = "owner@example.com", Password = "right" }, plug, CancellationToken.None);
        await using var transport = new KasaTransportFactory().Create(
            device.Endpoint(), ProtocolSetting.Auto, new KasaCredentials("owner@example.com", "wrong"), Timeout);

        await Assert.ThrowsAsync<KasaAuthenticationException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.Empty(plug.Executed);
    }

    [Fact]
    public async Task Send_WhenTheRememberedXorPlugNowSpeaksKlap_ProbesAgainAndSwitchesOnce()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        var factory = new KasaTransportFactory();
        var memory = new ProtocolMemory();
        memory.Remember(device.Endpoint(), ProtocolSetting.Xor);
        await using var transport = new KasaAutoTransport(
            device.Endpoint(), [ProtocolSetting.Xor], chosen => factory.Create(device.Endpoint(), chosen, null, Timeout), memory);

        await new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.Equal(ProtocolSetting.Klap, transport.Current);
        Assert.Equal(["system.set_relay_state"], device.Plug.Executed);
        Assert.True(memory.TryRecall(device.Endpoint(), out var remembered));
        Assert.Equal(ProtocolSetting.Klap, remembered);
    }

    [Fact]
    public async Task Read_OnAKlapPlugThatTakesOneRequestPerSession_IsSentOnceMoreOnANewSessionBehindAutoToo()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        device.Quirks = new KlapDeviceQuirks { RequestsPerSession = 1, BeyondLimit = KlapSessionRefusal.Undecryptable };
        await using var transport = new KasaTransportFactory().Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout);

        // The SMART read is the probe's session's one request; its IOT resend is refused as a later one. Auto hands the read to
        // KLAP as a read, so KLAP sends it once more on a new session instead of failing it as a switch it may not repeat.
        var info = await new KasaClient(transport).GetSysInfoAsync(CancellationToken.None);

        Assert.False(info.IsOn);
        Assert.Equal(ProtocolSetting.Klap, ((KasaAutoTransport)transport).Current);
        Assert.Equal(1, device.RefusedBeyondLimit);
        Assert.Equal(["system.get_sysinfo"], device.Plug.Executed);
    }

    [Fact]
    public async Task Send_WhenNothingListens_IsUnreachableWithoutRequestSent()
    {
        var endpoint = new KasaEndpoint(IPAddress.Loopback.ToString(), ClosedPort());
        var factory = new KasaTransportFactory();
        await using var transport = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout);

        var error = await Assert.ThrowsAsync<KasaUnreachableException>(() => new KasaClient(transport).GetSysInfoAsync(CancellationToken.None));

        Assert.False(error.RequestSent);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, factory.ProbeOrder(endpoint, null).Count);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
