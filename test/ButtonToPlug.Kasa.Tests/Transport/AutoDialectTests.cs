using ButtonToPlug.Kasa.Tests.Aes;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Transport;

/// <summary>
/// <c>protocol=auto</c> and the dialect together: the device layer chooses its dialect only after auto has settled, so an XOR
/// plug is spoken to in IOT and an AES plug in SMART from the first request, and no request goes out in the wrong dialect.
/// Each test counts what the device itself received.
/// </summary>
public sealed class AutoDialectTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task On_WithAutoOnAnIotPlugOverXor_ProbesWithTheIotSwitchItself()
    {
        await using var plug = ScriptedPlug.Working();
        var endpoint = new KasaEndpoint(ScriptedPlug.Host, plug.Port);
        var devices = new KasaDeviceMemory();

        await using (var transport = new KasaTransportFactory().Create(endpoint, ProtocolSetting.Auto, null, Timeout))
        {
            var client = new KasaClient(transport, devices);
            await client.SwitchAsync(RelayAction.On, null, CancellationToken.None);
            Assert.Equal(KasaDialect.Iot, client.Dialect);
        }

        // The XOR probe was the switch, and its answer served it: one request in all, in IOT.
        Assert.True(plug.RelayOn);
        Assert.Single(plug.Requests);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.DoesNotContain(plug.Requests, request => request.Contains("_device_info", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_WithAutoOnASmartPlugOverKlap_SendsOneSmartSwitchAfterTheHandshake()
    {
        var plug = SmartEmulatedDevice.Plug();
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Version = 2 }, plug, CancellationToken.None);
        var factory = new KasaTransportFactory();

        await using (var transport = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            var client = new KasaClient(transport);
            await client.SwitchAsync(RelayAction.On, null, CancellationToken.None);
            Assert.Equal(ProtocolSetting.Klap, ((KasaAutoTransport)transport).Current);
            Assert.Equal(KasaDialect.Smart, client.Dialect);
        }

        Assert.True(plug.RelayOn);
        Assert.Equal(1, plug.Requests);
        Assert.Equal(["set_device_info"], plug.Executed);
        Assert.Equal(1, device.Handshakes);
    }

    [Theory]
    [InlineData(RelayAction.On, false, true, 1)]
    [InlineData(RelayAction.Off, true, false, 1)]
    [InlineData(RelayAction.Toggle, false, true, 2)]
    public async Task Switch_WithAutoOnASmartPlugOverAes_SpeaksSmartFromTheFirstRequest(RelayAction action, bool before, bool after, int requests)
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        plug.RelayOn = before;
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        var factory = new KasaTransportFactory();

        await using (var transport = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            var client = new KasaClient(transport);
            await client.SwitchAsync(action, null, CancellationToken.None);
            Assert.Equal(ProtocolSetting.Aes, ((KasaAutoTransport)transport).Current);
            Assert.Equal(KasaDialect.Smart, client.Dialect);
        }

        Assert.Equal(after, plug.RelayOn);
        Assert.Equal(requests, plug.Requests);
        Assert.Single(plug.Executed, "set_device_info");
        Assert.Equal(1, device.Logins);
    }

    [Fact]
    public async Task SecondOn_WithAutoOnARememberedXorPlug_IsOneRequestWithNoProbe()
    {
        await using var plug = ScriptedPlug.Working();
        var endpoint = new KasaEndpoint(ScriptedPlug.Host, plug.Port);
        var factory = new KasaTransportFactory();
        var devices = new KasaDeviceMemory();
        await using (var first = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(first, devices).SwitchAsync(RelayAction.On, null, CancellationToken.None);
        }

        var requestsBefore = plug.Requests.Count;
        await using var second = factory.Create(endpoint, ProtocolSetting.Auto, null, Timeout);
        await new KasaClient(second, devices).SwitchAsync(RelayAction.Off, null, CancellationToken.None);

        Assert.Equal(0, ((KasaAutoTransport)second).Probes);
        Assert.Equal(requestsBefore + 1, plug.Requests.Count);
        Assert.Equal(2, plug.CountRequests("set_relay_state"));
        Assert.False(plug.RelayOn);
    }

    [Fact]
    public async Task SecondOn_WithAutoOnARememberedAesPlug_IsOneLoginAndOneRequest()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        var factory = new KasaTransportFactory();
        var devices = new KasaDeviceMemory();
        await using (var first = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout))
        {
            await new KasaClient(first, devices).SwitchAsync(RelayAction.On, null, CancellationToken.None);
        }

        await using var second = factory.Create(device.Endpoint(), ProtocolSetting.Auto, null, Timeout);
        await new KasaClient(second, devices).SwitchAsync(RelayAction.Off, null, CancellationToken.None);

        Assert.Equal(0, ((KasaAutoTransport)second).Probes);
        Assert.Equal(2, plug.Requests);
        Assert.Equal(["set_device_info", "set_device_info"], plug.Executed);
        Assert.Equal(2, device.Logins);
        Assert.False(plug.RelayOn);
    }

    [Fact]
    public async Task On_WhenTheRememberedXorPlugIsNowASmartPlugOverAes_FindsAesAndSwitchesOnce()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        var factory = new KasaTransportFactory();
        var memory = new ProtocolMemory();
        memory.Remember(device.Endpoint(), ProtocolSetting.Xor);
        await using var transport = new KasaAutoTransport(
            device.Endpoint(), [ProtocolSetting.Xor], chosen => factory.Create(device.Endpoint(), chosen, null, Timeout), memory);

        await new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        // The IOT request chosen for the remembered XOR transport is refused in SMART's way (nothing ran), then resent in SMART.
        Assert.Equal(ProtocolSetting.Aes, transport.Current);
        Assert.True(plug.RelayOn);
        Assert.Equal(["set_device_info"], plug.Executed);
        Assert.True(memory.TryRecall(device.Endpoint(), out var remembered));
        Assert.Equal(ProtocolSetting.Aes, remembered);
    }
}
