using System.Text;
using System.Text.Json;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Aes;

/// <summary>The AES "securePassthrough" transport against the AES device emulator: handshake, login, passthrough and the faults.</summary>
public sealed class AesTransportTests
{
    private const string Email = "owner@example.com";
    private const string Password = "Tap0 secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly byte[] GetDeviceInfo = """{"method":"get_device_info","params":null,"terminal_uuid":"dGVzdA=="}"""u8.ToArray();
    private static readonly byte[] SwitchOn = """{"method":"set_device_info","params":{"device_on":true},"terminal_uuid":"dGVzdA=="}"""u8.ToArray();
    private static readonly byte[] SwitchOff = """{"method":"set_device_info","params":{"device_on":false},"terminal_uuid":"dGVzdA=="}"""u8.ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Send_WithTheAccountForEitherLoginVersion_CarriesTheRequestAndItsAnswer(int loginVersion)
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(
            new AesDeviceOptions { Username = Email, Password = Password, LoginVersion = loginVersion }, plug, CancellationToken.None);
        await using var transport = new AesTransport(device.Endpoint(), new KasaCredentials(Email, Password), Timeout);

        var switched = await transport.SendAsync(SwitchOn, CancellationToken.None);
        var info = await transport.SendAsync(GetDeviceInfo, CancellationToken.None);

        Assert.Equal("""{"error_code":0,"result":{}}""", Encoding.UTF8.GetString(switched));
        using var answer = JsonDocument.Parse(info);
        Assert.True(answer.RootElement.GetProperty("result").GetProperty("device_on").GetBoolean());
        Assert.True(plug.RelayOn);
        Assert.Equal(["set_device_info", "get_device_info"], plug.Executed);
        Assert.Equal(AesLoginCandidate.AccountLabel, transport.AcceptedCredentials);
        Assert.Equal(1, device.Logins);
    }

    [Theory]
    [InlineData("test@tp-link.net", "test", AesLoginCandidate.TapoDefaultLabel)]
    [InlineData("", "", AesLoginCandidate.BlankLabel)]
    public async Task Send_WithoutCredentials_LogsInWithBlankThenTheTapoDefault(string username, string password, string accepted)
    {
        await using var device = await AesDeviceEmulator.StartAsync(
            new AesDeviceOptions { Username = username, Password = password }, SmartEmulatedDevice.Plug("P100"), CancellationToken.None);
        await using var transport = new AesTransport(device.Endpoint(), null, Timeout);

        await transport.SendAsync(GetDeviceInfo, CancellationToken.None);

        Assert.Equal(accepted, transport.AcceptedCredentials);
    }

    [Fact]
    public async Task Send_WithTheWrongPassword_IsAnAuthenticationFailureWithTheStaleSecretAdvice()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(
            new AesDeviceOptions { Username = Email, Password = Password, LoginVersion = 2 }, plug, CancellationToken.None);
        await using var transport = new AesTransport(device.Endpoint(), new KasaCredentials(Email, "wrong password"), Timeout);

        var error = await Assert.ThrowsAsync<KasaAuthenticationException>(() => transport.SendAsync(SwitchOn, CancellationToken.None));

        Assert.Contains("remove the plug from the app and add it again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong password", error.Message, StringComparison.Ordinal);
        Assert.Empty(plug.Executed);

        // A refused login spoils the device's session, so every candidate (account, Tapo default, blank; v1 and v2) had its own handshake.
        Assert.Equal(6, device.RefusedLogins);
        Assert.Equal(6, device.Handshakes);
    }

    [Fact]
    public async Task Send_WhenTheHandshakeKeyDoesNotDecrypt_IsAProtocolError()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        device.UndecryptableHandshakeKey = true;
        await using var transport = new AesTransport(device.Endpoint(), null, Timeout);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(SwitchOn, CancellationToken.None));

        Assert.Contains("does not decrypt", error.Message, StringComparison.Ordinal);
        Assert.Empty(plug.Executed);
    }

    [Theory]
    [InlineData("""{"error_code":-1002,"result":{"encrypt_type":"TPAP"}}""", "this firmware uses TPAP, which ButtonToPlug does not support yet")]
    [InlineData("""{"error_code":-1002}""", "may have moved to TPAP")]
    public async Task Send_WhenTheFirmwareRefusesTheAesHandshake_SaysItMayBeTpap(string answer, string expected)
    {
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), SmartEmulatedDevice.Plug("P100"), CancellationToken.None);
        device.HandshakeAnswer = answer;
        await using var transport = new AesTransport(device.Endpoint(), null, Timeout);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(GetDeviceInfo, CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Third-Party Compatibility", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToAPlugThatClosesTheConnectionAfterEveryAnswer_SwitchesEveryTimeExactlyOnce()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        device.CloseAfterEveryAnswer = true;
        await using var transport = new AesTransport(device.Endpoint(), null, Timeout);

        for (var i = 0; i < 20; i++)
        {
            var on = i % 2 == 0;
            await transport.SendAsync(on ? SwitchOn : SwitchOff, CancellationToken.None);
            Assert.Equal(on, plug.RelayOn);
        }

        Assert.Equal(20, plug.Executed.Count(method => method == "set_device_info"));
        Assert.Equal(1, device.Logins);
    }

    [Fact]
    public async Task Send_AfterTheDeviceForgotTheSession_HandshakesAgainAndSendsOnce()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        await using var transport = new AesTransport(device.Endpoint(), null, Timeout);
        await transport.SendAsync(GetDeviceInfo, CancellationToken.None);
        device.ExpireSessions();

        await transport.SendAsync(SwitchOn, CancellationToken.None);

        Assert.Equal(["get_device_info", "set_device_info"], plug.Executed);
        Assert.Equal(2, device.Logins);
    }

    [Fact]
    public async Task Send_WhenTheAnswerDoesNotDecrypt_IsAProtocolErrorThatSaysThePlugMayHaveActed()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        device.GarbleAnswers = true;
        await using var transport = new AesTransport(device.Endpoint(), null, Timeout);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(SwitchOn, CancellationToken.None));

        Assert.Contains("the plug may have acted on it", error.Message, StringComparison.Ordinal);
        Assert.Single(plug.Executed, "set_device_info");

        // What auto relies on to never send such a request again on another transport.
        Assert.True(transport.HasLoggedIn);
    }

    [Fact]
    public async Task Send_WhenThePlugNeverAnswersTheRequest_IsUnreachableAfterTheRequestWentOut()
    {
        var plug = SmartEmulatedDevice.Plug("P100");
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), plug, CancellationToken.None);
        device.StallRequests = true;
        await using var transport = new AesTransport(device.Endpoint(), null, TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<KasaUnreachableException>(() => transport.SendAsync(SwitchOn, CancellationToken.None));

        Assert.True(error.RequestSent);
        Assert.Contains("no answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenThePortNeverAnswersTheHandshake_IsAProtocolErrorWithinTheTimeout()
    {
        await using var device = await AesDeviceEmulator.StartAsync(new AesDeviceOptions(), SmartEmulatedDevice.Plug("P100"), CancellationToken.None);
        device.StallEverything = true;
        await using var transport = new AesTransport(device.Endpoint(), null, TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(SwitchOn, CancellationToken.None));

        Assert.Contains("does not seem to speak AES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToAKlapPlug_SaysThePortDoesNotSpeakAes()
    {
        await using var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        await using var transport = new AesTransport(new KasaEndpoint(device.Host, device.Port), null, Timeout);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(SwitchOn, CancellationToken.None));

        Assert.Contains("does not speak AES", error.Message, StringComparison.Ordinal);
        Assert.Empty(device.Plug.Executed);
    }
}
