using System.Text.Json;

namespace ButtonToPlug.Kasa.Tests.Smart;

/// <summary>The exact SMART envelope on the wire, and the answers that tell the dialects apart, over a transport that carries either.</summary>
public sealed class SmartDialectRequestTests
{
    private const string SmartRefusal = """{"error_code":-1003}""";
    private const string IotRefusal = """{"method":{"err_code":-1,"err_msg":"module not support"},"params":{"err_code":-1,"err_msg":"module not support"}}""";
    private const string IotSetOk = """{"system":{"set_relay_state":{"err_code":0}}}""";

    [Fact]
    public async Task On_UnknownDialect_SendsTheSmartEnvelopeFirstWithMethodParamsTimeAndTerminalUuid()
    {
        var transport = Either("""{"error_code":0}""");

        await new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        using var request = JsonDocument.Parse(Assert.Single(transport.Requests));
        var root = request.RootElement;
        Assert.Equal("set_device_info", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("params").GetProperty("device_on").GetBoolean());
        Assert.True(root.GetProperty("request_time_milis").GetInt64() > 1_700_000_000_000);
        Assert.Equal(16, Convert.FromBase64String(root.GetProperty("terminal_uuid").GetString()!).Length);
    }

    [Fact]
    public async Task On_IotDeviceRefusingTheSmartRequest_IsResentAsIotOnceAndRemembered()
    {
        var memory = new KasaDeviceMemory();
        var transport = Either(IotRefusal, IotSetOk);

        await new KasaClient(transport, memory).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.Equal(2, transport.Requests.Count);
        Assert.Equal("""{"system":{"set_relay_state":{"state":1}}}""", transport.Requests[1]);
        Assert.Equal(KasaDialect.Iot, memory.DialectOf(transport.Endpoint));
    }

    [Fact]
    public async Task On_SmartDeviceRememberedAsIot_IsResentAsSmartOnItsBareErrorCode()
    {
        var memory = new KasaDeviceMemory();
        var transport = Either(SmartRefusal, """{"error_code":0}""");
        memory.RememberDialect(transport.Endpoint, KasaDialect.Iot);

        await new KasaClient(transport, memory).SwitchAsync(RelayAction.On, null, CancellationToken.None);

        Assert.Equal(2, transport.Requests.Count);
        Assert.Contains("\"method\":\"set_device_info\"", transport.Requests[1], StringComparison.Ordinal);
        Assert.Equal(KasaDialect.Smart, memory.DialectOf(transport.Endpoint));
    }

    [Fact]
    public async Task On_TransportThatCarriesOnlyIot_NeverSendsSmart()
    {
        var transport = new RecordingTransport(SmartRefusal);

        await Assert.ThrowsAsync<KasaProtocolException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.DoesNotContain(transport.Requests, r => r.Contains("\"method\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_DeviceThatRefusesBothDialects_IsAProtocolErrorSayingWhatItLookedLike()
    {
        var transport = Either(IotRefusal, SmartRefusal);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => new KasaClient(transport).GetSysInfoAsync(CancellationToken.None));

        Assert.Contains("neither IOT nor SMART", error.Message, StringComparison.Ordinal);
        Assert.Contains("error_code", error.Message, StringComparison.Ordinal);
        Assert.Contains("module not support", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_UnknownMethod_IsADeviceErrorNamingTheMethodAndTheModel()
    {
        const string Info = """{"error_code":0,"result":{"model":"P110","device_on":false,"nickname":"VGFwbw=="}}""";
        var transport = Either(Info, """{"error_code":-1002}""");

        var error = await Assert.ThrowsAsync<KasaDeviceException>(() => new KasaClient(transport).SwitchAsync(RelayAction.Toggle, null, CancellationToken.None));

        Assert.Equal(-1002, error.ErrorCode);
        Assert.Contains("P110 does not support set_device_info", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_UnknownMethodWithNothingReadBefore_LearnsTheModelForTheMessageOnly()
    {
        const string Info = """{"error_code":0,"result":{"model":"KS205","device_on":false}}""";
        var transport = Either("""{"error_code":-1002}""", Info);

        var error = await Assert.ThrowsAsync<KasaDeviceException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.Contains("KS205 does not support set_device_info", error.Message, StringComparison.Ordinal);
        Assert.Single(transport.Requests, r => r.Contains("set_device_info", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(9999)]
    [InlineData(-1001)]
    public async Task On_TransientError_IsADeviceErrorMarkedTransient(int code)
    {
        var transport = Either($$"""{"error_code":{{code}}}""");

        var error = await Assert.ThrowsAsync<KasaDeviceException>(() => new KasaClient(transport).SwitchAsync(RelayAction.On, null, CancellationToken.None));

        Assert.True(error.IsTransient);
    }

    /// <summary>A transport like KLAP, which can carry either dialect.</summary>
    private static RecordingTransport Either(params string[] answers) => new(answers) { Dialect = null };
}
