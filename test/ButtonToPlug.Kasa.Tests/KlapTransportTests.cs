using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>KlapTransport against the KLAP device emulator and against servers that are not KLAP plugs, all on loopback.</summary>
public sealed class KlapTransportTests
{
    private const string GetSysInfo = """{"system":{"get_sysinfo":{}}}""";
    private const string TurnOn = """{"system":{"set_relay_state":{"state":1}}}""";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(3);
    private static readonly KasaCredentials Account = new("owner@example.com", "correct horse");

    // Every exchange is bounded by the transport's own timeout; the tests add no second clock.
    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SetRelayState_ThroughKlap_TurnsTheEmulatedRelayOn(int version)
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions { Username = Account.Username, Password = Account.Password, Version = version });
        await using var transport = NewTransport(device, Account);

        var before = await SendAsync(transport, GetSysInfo);
        var set = await SendAsync(transport, TurnOn);
        var after = await SendAsync(transport, GetSysInfo);

        Assert.Equal(0, before.GetProperty("system").GetProperty("get_sysinfo").GetProperty("relay_state").GetInt32());
        Assert.Equal(0, set.GetProperty("system").GetProperty("set_relay_state").GetProperty("err_code").GetInt32());
        Assert.Equal(1, after.GetProperty("system").GetProperty("get_sysinfo").GetProperty("relay_state").GetInt32());
        Assert.True(device.Plug.RelayOn);
        Assert.Equal(1, device.Handshakes);
        Assert.Equal(KlapAuthCandidate.AccountLabel, transport.AcceptedCredentials);
    }

    [Fact]
    public async Task Send_WhenSequenceWrapsPastInt32Max_StaysInStepWithTheDevice()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        await using var transport = NewTransport(device, null);
        await SendAsync(transport, GetSysInfo);
        transport.Cipher!.Sequence = int.MaxValue - 1;

        await SendAsync(transport, GetSysInfo);
        await SendAsync(transport, TurnOn);

        Assert.Equal(int.MinValue, transport.Cipher!.Sequence);
        Assert.True(device.Plug.RelayOn);
        Assert.Equal(1, device.Handshakes);
    }

    [Fact]
    public async Task Send_WithWrongAccountCredentials_FailsWithAuthenticationErrorListingWhatWasTried()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions { Username = Account.Username, Password = Account.Password });
        await using var transport = NewTransport(device, Account with { Password = "wrong password" });

        var error = await Assert.ThrowsAsync<KasaAuthenticationException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("your account credentials, the TP-Link default credentials or blank credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong password", error.Message, StringComparison.Ordinal);
        Assert.Contains(device.Endpoint().ToString(), error.Message, StringComparison.Ordinal);
        Assert.False(device.Plug.RelayOn);
        Assert.Empty(device.Plug.Executed);
    }

    [Fact]
    public async Task Send_WithoutAccountToABoundPlug_SaysToGiveTheAccount()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions { Username = Account.Username, Password = Account.Password });
        await using var transport = NewTransport(device, null);

        var error = await Assert.ThrowsAsync<KasaAuthenticationException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("the TP-Link default credentials or blank credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("give that account's e-mail and password", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kasa@tp-link.net", "kasaSetup", true, KlapAuthCandidate.DefaultLabel)]
    [InlineData("kasa@tp-link.net", "kasaSetup", false, KlapAuthCandidate.DefaultLabel)]
    [InlineData("", "", true, KlapAuthCandidate.BlankLabel)]
    [InlineData("", "", false, KlapAuthCandidate.BlankLabel)]
    public async Task Send_WhenThePlugTakesDefaultOrBlankCredentials_FallsBackToThem(string username, string password, bool giveAccount, string expected)
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions { Username = username, Password = password, Version = 1 });
        await using var transport = NewTransport(device, giveAccount ? Account : null);

        await SendAsync(transport, TurnOn);

        Assert.True(device.Plug.RelayOn);
        Assert.Equal(expected, transport.AcceptedCredentials);
    }

    [Fact]
    public async Task Send_WhenTheDeviceProofIsTampered_RefusesToAuthenticateAndSendsNothing()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions { Username = Account.Username, Password = Account.Password });
        device.TamperDeviceProof = true;
        await using var transport = NewTransport(device, Account);

        await Assert.ThrowsAsync<KasaAuthenticationException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Empty(device.Plug.Executed);
    }

    [Fact]
    public async Task Send_WhenTheReplySignatureIsRandom_UsesTheDecryptedJsonAndNotesItOncePerEndpoint()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        device.Quirks = new KlapDeviceQuirks { RandomReplySignature = true };
        var habits = new KlapPlugHabits();
        var notices = new List<string>();
        await using var first = new KlapTransport(device.Endpoint(), null, Timeout, TimeProvider.System, habits, notices.Add);
        await using var second = new KlapTransport(device.Endpoint(), null, Timeout, TimeProvider.System, habits, notices.Add);

        var answer = await SendAsync(first, TurnOn);
        await SendAsync(first, TurnOn);
        await SendAsync(second, TurnOn);

        Assert.Equal(0, answer.GetProperty("system").GetProperty("set_relay_state").GetProperty("err_code").GetInt32());
        Assert.Equal(3, device.SwitchesCarriedOut);
        Assert.Contains("signature does not match", Assert.Single(notices), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenTheReplyIsAnHtmlPage_FailsWithProtocolErrorThatSaysThePlugMayHaveActed()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        device.Quirks = new KlapDeviceQuirks { HtmlInsteadOfCiphertext = true };
        await using var transport = NewTransport(device, null);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("HTML page instead of an encrypted answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("may have acted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenHandshake1IsForbidden_IsAccessDeniedWithTheThirdPartyAdvice()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        device.Quirks = new KlapDeviceQuirks { RefuseHandshake = true };
        await using var transport = NewTransport(device, null);

        var error = await Assert.ThrowsAsync<KasaAccessDeniedException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("Third-Party Compatibility", error.Message, StringComparison.Ordinal);
        Assert.Contains("TPAP", error.Message, StringComparison.Ordinal);
        Assert.Empty(device.Plug.Executed);
    }

    [Theory]
    [InlineData(KlapSessionRefusal.Forbidden)]
    [InlineData(KlapSessionRefusal.Undecryptable)]
    public async Task Send_ToAPlugThatTakesOneRequestPerSession_GivesEveryLaterRequestASessionOfItsOwn(KlapSessionRefusal refusal)
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        device.Quirks = new KlapDeviceQuirks { RequestsPerSession = 1, BeyondLimit = refusal };
        var habits = new KlapPlugHabits();
        await using (var learning = new KlapTransport(device.Endpoint(), null, Timeout, TimeProvider.System, habits, null))
        {
            await SendAsync(learning, GetSysInfo);
            if (refusal == KlapSessionRefusal.Forbidden)
            {
                // A 403 proves nothing was carried out: the request goes once more on a new session.
                await SendAsync(learning, TurnOn);
            }
            else
            {
                var error = await Assert.ThrowsAsync<KasaProtocolException>(() => learning.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));
                Assert.Contains("one request per session", error.Message, StringComparison.Ordinal);
                Assert.Contains("not repeated", error.Message, StringComparison.Ordinal);
            }
        }

        var refusedWhileLearning = device.RefusedBeyondLimit;
        await using var later = new KlapTransport(device.Endpoint(), null, Timeout, TimeProvider.System, habits, null);
        await SendAsync(later, GetSysInfo);
        await SendAsync(later, TurnOn);
        await SendAsync(later, GetSysInfo);

        Assert.True(habits.NeedsSessionPerRequest(device.Endpoint()));
        Assert.Equal(1, refusedWhileLearning);
        Assert.Equal(1, device.RefusedBeyondLimit);
        Assert.Equal(3, later.Handshakes);
        Assert.Equal(refusal == KlapSessionRefusal.Forbidden ? 2 : 1, device.SwitchesCarriedOut);
    }

    [Fact]
    public async Task Read_AsALaterRequestOnAPlugThatTakesOneRequestPerSession_IsSentOnceMoreOnANewSessionAndTheSwitchGetsItsOwn()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        device.Quirks = new KlapDeviceQuirks { RequestsPerSession = 1, BeyondLimit = KlapSessionRefusal.Undecryptable };
        await using var transport = NewTransport(device, null);
        var client = new KasaClient(transport);

        await client.GetSysInfoAsync(Ct);
        var info = await client.GetSysInfoAsync(Ct);
        var change = await client.SwitchAsync(RelayAction.Toggle, outlet: null, Ct);

        Assert.False(info.IsOn);
        Assert.True(change.IsOn);
        Assert.Equal(1, device.RefusedBeyondLimit);
        Assert.Equal(1, device.SwitchesCarriedOut);

        // KLAP does not say which dialect the plug speaks, so the first read goes in SMART and this IOT plug refuses it: that
        // refusal is the session's one request, and the read's IOT resend is the later request refused and sent once more.
        // Sessions: SMART read, its IOT resend, the second read, the toggle's read, the switch. The switch was sent once.
        Assert.Equal(KasaDialect.Iot, client.Dialect);
        Assert.Equal(["system.get_sysinfo", "system.get_sysinfo", "system.get_sysinfo", "system.set_relay_state"], device.Plug.Executed);
        Assert.Equal(5, transport.Handshakes);
    }

    [Fact]
    public async Task Send_WhenTheSessionIsForbiddenAfterTwoRequests_RenewsItAndCarriesEveryRequestOutOnce()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        device.Quirks = new KlapDeviceQuirks { RequestsPerSession = 2 };
        await using var transport = NewTransport(device, null);

        for (var i = 0; i < 5; i++)
        {
            await SendAsync(transport, TurnOn);
        }

        Assert.Equal(5, device.SwitchesCarriedOut);
    }

    [Fact]
    public async Task Send_ToAPlugThatDropsTheConnectionAfterEveryAnswer_CarriesEveryRequestOutOnce()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        device.Quirks = new KlapDeviceQuirks { CloseAfterEveryAnswer = true };
        await using var transport = NewTransport(device, null);

        for (var i = 0; i < 10; i++)
        {
            await SendAsync(transport, GetSysInfo);
            await SendAsync(transport, TurnOn);
        }

        Assert.Equal(10, device.SwitchesCarriedOut);
        Assert.Equal(1, device.Handshakes);
    }

    [Fact]
    public async Task Send_AfterTheDeviceExpiredTheSession_HandshakesOnceMoreAndSendsTheCommandOnce()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        await using var transport = NewTransport(device, null);
        await SendAsync(transport, GetSysInfo);
        device.ExpireSessions();

        var answer = await SendAsync(transport, TurnOn);

        Assert.Equal(0, answer.GetProperty("system").GetProperty("set_relay_state").GetProperty("err_code").GetInt32());
        Assert.Equal(2, device.Handshakes);
        Assert.Equal(1, device.RefusedForSession);
        Assert.Equal(["system.get_sysinfo", "system.set_relay_state"], device.Plug.Executed);
    }

    [Fact]
    public async Task Send_WhenTheAdvertisedSessionLifetimeIsNearlyOver_HandshakesAgainBeforeTheDeviceRefuses()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions { SessionTimeoutSeconds = 3600 });
        var clock = new KlapManualClock();
        await using var transport = new KlapTransport(device.Endpoint(), null, Timeout, clock, new KlapPlugHabits(), notice: null);
        await SendAsync(transport, GetSysInfo);
        clock.Advance(TimeSpan.FromMinutes(39));
        await SendAsync(transport, GetSysInfo);
        var handshakesWithinLifetime = device.Handshakes;

        clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(transport, GetSysInfo);

        Assert.Equal(1, handshakesWithinLifetime);
        Assert.Equal(2, device.Handshakes);
        Assert.Equal(0, device.RefusedForSession);
    }

    [Fact]
    public async Task Send_WhenThePlugStallsAfterTheRequest_IsUnreachableWithRequestSent()
    {
        await using var device = await StartDeviceAsync(new KlapDeviceOptions());
        // The first exchange must succeed under the same timeout the stall then runs into, so the timeout is not short.
        await using var transport = new KlapTransport(device.Endpoint(), null, StallTimeout);
        await SendAsync(transport, GetSysInfo);
        device.StallRequests = true;

        var error = await Assert.ThrowsAsync<KasaUnreachableException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.True(error.RequestSent);
        Assert.Contains("no answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenNothingListens_IsUnreachableWithoutRequestSent()
    {
        var endpoint = new KasaEndpoint(IPAddress.Loopback.ToString(), ClosedPort());
        await using var transport = new KlapTransport(endpoint, null, Timeout);

        var error = await Assert.ThrowsAsync<KasaUnreachableException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.False(error.RequestSent);
        Assert.Equal(endpoint, error.Endpoint);
    }

    [Fact]
    public async Task Send_WhenTheAnswerIsOverTheSizeCap_IsAProtocolErrorNotUnreachable()
    {
        await using var server = await KlapForeignWebServer.StartAsync(200, "application/octet-stream", new string('x', 300 * 1024), Ct);
        await using var transport = new KlapTransport(new KasaEndpoint(IPAddress.Loopback.ToString(), server.Port), null, Timeout);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("is over 256 KiB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "text/html", "<html><body>Not Found</body></html>", "HTTP 404 with an HTML page")]
    [InlineData(200, "text/html", "<html><head><title>Router login</title></head><body>Welcome</body></html>", "bytes of HTML")]
    [InlineData(200, "application/json", "{\"error_code\":-1}", "not a 16-byte seed and a 32-byte hash")]
    public async Task Send_ToAWebServerThatIsNotKlap_FailsWithProtocolErrorSayingThePortDoesNotSpeakKlap(
        int status, string contentType, string body, string detail)
    {
        await using var server = await KlapForeignWebServer.StartAsync(status, contentType, body, Ct);
        await using var transport = new KlapTransport(new KasaEndpoint(IPAddress.Loopback.ToString(), server.Port), null, Timeout);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("this port does not speak KLAP", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToAPeerThatAnswersWithoutHttp_FailsWithProtocolErrorSayingThePortDoesNotSpeakKlap()
    {
        // What a legacy plug on the XOR port does with an HTTP request: answers with a length-prefixed binary frame.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var peer = AnswerOnceWithBinaryAsync(listener);
        await using var transport = new KlapTransport(new KasaEndpoint(IPAddress.Loopback.ToString(), ((IPEndPoint)listener.LocalEndpoint).Port), null, Timeout);

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("this port does not speak KLAP", error.Message, StringComparison.Ordinal);
        await peer;
    }

    [Fact]
    public async Task Send_ToAPeerThatAcceptsButNeverAnswers_FailsWithProtocolErrorSayingThePortDoesNotSeemToSpeakKlap()
    {
        // A legacy plug reads "POST" as the length of a huge frame and waits for the rest.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync(Ct).AsTask();
        await using var transport = new KlapTransport(
            new KasaEndpoint(IPAddress.Loopback.ToString(), ((IPEndPoint)listener.LocalEndpoint).Port), null, TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<KasaProtocolException>(() => transport.SendAsync(Encoding.UTF8.GetBytes(TurnOn), Ct));

        Assert.Contains("does not seem to speak KLAP", error.Message, StringComparison.Ordinal);
        (await accepted).Dispose();
    }

    private static async Task AnswerOnceWithBinaryAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync(Ct);
        var stream = client.GetStream();
        var buffer = new byte[1024];
        _ = await stream.ReadAsync(buffer, Ct);
        await stream.WriteAsync(new byte[] { 0, 0, 0, 8, 0xd0, 0xf2, 0x81, 0xf8, 0x8b, 0xff, 0x9a, 0xf7 }, Ct);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<KlapDeviceEmulator> StartDeviceAsync(KlapDeviceOptions options) => KlapDeviceEmulator.StartAsync(options, Ct);

    private static KlapTransport NewTransport(KlapDeviceEmulator device, KasaCredentials? credentials) =>
        new(device.Endpoint(), credentials, Timeout);

    private static async Task<JsonElement> SendAsync(KlapTransport transport, string json)
    {
        var answer = await transport.SendAsync(Encoding.UTF8.GetBytes(json), Ct);
        using var document = JsonDocument.Parse(answer);
        return document.RootElement.Clone();
    }
}
