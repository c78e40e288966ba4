using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Testing;

/// <summary>
/// A KLAP plug on a free loopback port: it plays the device side of handshake1/handshake2 and encrypted requests with its own
/// crypto (<see cref="KlapDeviceCrypto"/>, <see cref="KlapDeviceCipher"/>), and hands each decrypted request to its
/// <see cref="Device"/>: the IOT <see cref="KlapEmulatedPlug"/> by default, or a <see cref="SmartEmulatedDevice"/>.
/// Tests can expire sessions, tamper with its proofs and signatures, and switch on the quirks real firmware is reported to
/// have (<see cref="KlapDeviceQuirks"/>).
/// </summary>
public sealed class KlapDeviceEmulator : IAsyncDisposable
{
    private const string SessionCookie = "TP_SESSIONID";

    private readonly LoopbackWebHost host;
    private readonly KlapDeviceOptions options;
    private readonly byte[] authHash;
    private readonly ConcurrentDictionary<string, DeviceSession> sessions = new(StringComparer.Ordinal);
    private int handshakes;
    private int refusedForSession;
    private int refusedBeyondLimit;

    private KlapDeviceEmulator(LoopbackWebHost host, KlapDeviceOptions options, IEmulatedDevice device)
    {
        this.host = host;
        this.options = options;
        this.authHash = KlapDeviceCrypto.AuthHash(options.Version, options.Username, options.Password);
        Device = device;
    }

    public string Host { get; } = IPAddress.Loopback.ToString();

    public int Port => this.host.Port;

    public IEmulatedDevice Device { get; }

    /// <summary>The IOT plug behind the emulator (the default device).</summary>
    public KlapEmulatedPlug Plug => Device as KlapEmulatedPlug ?? throw new InvalidOperationException("this emulator hosts a SMART device; use Device");

    /// <summary>When set, every answer carries <c>Connection: close</c>, as P100 firmware is reported to do.</summary>
    public bool CloseAfterEachRequest { get; set; }

    /// <summary>Completed handshake1 exchanges.</summary>
    public int Handshakes => Volatile.Read(ref this.handshakes);

    /// <summary>Requests refused with 403 because their session was unknown.</summary>
    public int RefusedForSession => Volatile.Read(ref this.refusedForSession);

    /// <summary>Requests refused because their session had already taken <see cref="KlapDeviceQuirks.RequestsPerSession"/>.</summary>
    public int RefusedBeyondLimit => Volatile.Read(ref this.refusedBeyondLimit);

    /// <summary>When set, handshake1 proves a different auth hash than the one the device holds (an impostor).</summary>
    public bool TamperDeviceProof { get; set; }

    /// <summary>When set, every reply's signature is corrupted in transit.</summary>
    public bool TamperReplySignature { get; set; }

    /// <summary>When set, encrypted requests are read but never answered (a plug that hangs after the request reached it).</summary>
    public bool StallRequests { get; set; }

    /// <summary>How the plug departs from the protocol as the client reads it; see <see cref="KlapDeviceQuirks"/>.</summary>
    public KlapDeviceQuirks Quirks { get; set; } = new();

    /// <summary>How many <c>set_relay_state</c> commands the IOT plug carried out.</summary>
    public int SwitchesCarriedOut => Plug.Executed.Count(method => method == "system.set_relay_state");

    public static Task<KlapDeviceEmulator> StartAsync(KlapDeviceOptions options, CancellationToken cancellationToken) =>
        StartAsync(options, new KlapEmulatedPlug(options.Model), cancellationToken);

    public static async Task<KlapDeviceEmulator> StartAsync(KlapDeviceOptions options, IEmulatedDevice device, CancellationToken cancellationToken)
    {
        var host = LoopbackWebHost.Create();
        var emulator = new KlapDeviceEmulator(host, options, device);
        host.AnswerEveryRequest(emulator.HandleAsync);
        await host.StartAsync(cancellationToken);
        return emulator;
    }

    /// <summary>Forgets every session, as a plug does when its session times out or it reboots.</summary>
    public void ExpireSessions() => this.sessions.Clear();

    public ValueTask DisposeAsync() => this.host.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await DeviceExchange.ReadBodyAsync(context.Request);
        if (StallRequests && context.Request.Path == "/app/request")
        {
            await DeviceExchange.WaitUntilClientGivesUpAsync(context.RequestAborted);
            return;
        }

        var (status, reply, setCookie) = context.Request.Path.Value switch
        {
            "/app/handshake1" when HttpMethods.IsPost(context.Request.Method) => Handshake1(body),
            "/app/handshake2" when HttpMethods.IsPost(context.Request.Method) => Handshake2(context.Request, body),
            "/app/request" when HttpMethods.IsPost(context.Request.Method) => Request(context.Request, body),
            _ => (404, [], null),
        };
        context.Response.StatusCode = status;
        if (CloseAfterEachRequest)
        {
            context.Response.Headers.Connection = "close";
        }

        if (setCookie is not null)
        {
            // Written by hand: a real plug packs TIMEOUT into the same header, which the cookie API would not produce.
            context.Response.Headers.SetCookie = setCookie;
        }

        if (status == 200 && Quirks.HtmlInsteadOfCiphertext && context.Request.Path == "/app/request")
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>200 OK</h1></body></html>", context.RequestAborted);
        }
        else if (reply.Length > 0)
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(reply);
        }

        if (Quirks.CloseAfterEveryAnswer)
        {
            await DeviceExchange.CloseSoonAfterTheAnswerAsync(context);
        }
    }

    private (int, byte[], string?) Handshake1(byte[] localSeed)
    {
        if (localSeed.Length != 16)
        {
            return (400, [], null);
        }

        if (Quirks.RefuseHandshake)
        {
            return (403, [], null);
        }

        var remoteSeed = RandomNumberGenerator.GetBytes(16);
        var sessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        this.sessions[sessionId] = new DeviceSession(localSeed, remoteSeed);
        Interlocked.Increment(ref this.handshakes);
        var proof = KlapDeviceCrypto.DeviceProof(this.options.Version, localSeed, remoteSeed, this.authHash);
        if (TamperDeviceProof)
        {
            proof[0] ^= 0x01;
        }

        var timeout = this.options.SessionTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        return (200, [.. remoteSeed, .. proof], $"{SessionCookie}={sessionId};TIMEOUT={timeout}");
    }

    private (int, byte[], string?) Handshake2(HttpRequest request, byte[] clientProof)
    {
        if (!TryGetSession(request, out var session))
        {
            return (403, [], null);
        }

        var expected = KlapDeviceCrypto.ClientProof(this.options.Version, session.LocalSeed, session.RemoteSeed, this.authHash);
        if (!CryptographicOperations.FixedTimeEquals(expected, clientProof))
        {
            return (403, [], null);
        }

        session.Cipher = new KlapDeviceCipher(session.LocalSeed, session.RemoteSeed, this.authHash);
        return (200, [], null);
    }

    private (int, byte[], string?) Request(HttpRequest request, byte[] body)
    {
        if (!TryGetSession(request, out var session) || session.Cipher is not { } cipher)
        {
            Interlocked.Increment(ref this.refusedForSession);
            return (403, [], null);
        }

        if (!int.TryParse(request.Query["seq"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sequence)
            || cipher.OpenRequest(body, sequence) is not { } plaintext)
        {
            return (400, [], null);
        }

        if (Quirks.RequestsPerSession is { } limit && session.CountRequest() > limit)
        {
            // The request is not carried out; how the firmware says so differs.
            Interlocked.Increment(ref this.refusedBeyondLimit);
            return Quirks.BeyondLimit == KlapSessionRefusal.Forbidden ? (403, [], null) : (200, RandomNumberGenerator.GetBytes(40), null);
        }

        if (Quirks.HtmlInsteadOfCiphertext)
        {
            return (200, [], null);
        }

        var reply = cipher.SealReply(Device.Execute(plaintext), sequence);
        if (TamperReplySignature)
        {
            reply[0] ^= 0x01;
        }

        if (Quirks.RandomReplySignature)
        {
            RandomNumberGenerator.Fill(reply.AsSpan(0, 32));
        }

        return (200, reply, null);
    }

    private bool TryGetSession(HttpRequest request, out DeviceSession session)
    {
        session = null!;
        return request.Cookies.TryGetValue(SessionCookie, out var id) && id is not null && this.sessions.TryGetValue(id, out session!);
    }

    private sealed class DeviceSession(byte[] localSeed, byte[] remoteSeed)
    {
        private int requests;

        public byte[] LocalSeed { get; } = localSeed;

        public byte[] RemoteSeed { get; } = remoteSeed;

        public KlapDeviceCipher? Cipher { get; set; }

        /// <summary>Counts one more request on this session and returns how many it has taken.</summary>
        public int CountRequest() => Interlocked.Increment(ref this.requests);
    }
}
