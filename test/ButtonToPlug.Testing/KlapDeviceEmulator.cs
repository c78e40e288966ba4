using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ButtonToPlug.Testing;

/// <summary>
/// A KLAP plug on a free loopback port: it plays the device side of handshake1/handshake2 and encrypted requests with its own
/// crypto (<see cref="KlapDeviceCrypto"/>, <see cref="KlapDeviceCipher"/>), and hands each decrypted request to its
/// <see cref="Device"/>: the IOT <see cref="KlapEmulatedPlug"/> by default, or a <see cref="SmartEmulatedDevice"/>.
/// Tests can expire sessions and tamper with its proofs and signatures.
/// </summary>
public sealed class KlapDeviceEmulator : IAsyncDisposable
{
    private const string SessionCookie = "TP_SESSIONID";

    private readonly WebApplication app;
    private readonly KlapDeviceOptions options;
    private readonly byte[] authHash;
    private readonly ConcurrentDictionary<string, DeviceSession> sessions = new(StringComparer.Ordinal);
    private int handshakes;
    private int refusedForSession;

    private KlapDeviceEmulator(WebApplication app, KlapDeviceOptions options, IEmulatedDevice device)
    {
        this.app = app;
        this.options = options;
        this.authHash = KlapDeviceCrypto.AuthHash(options.Version, options.Username, options.Password);
        Device = device;
    }

    public string Host { get; } = IPAddress.Loopback.ToString();

    public int Port { get; private set; }

    public IEmulatedDevice Device { get; }

    /// <summary>The IOT plug behind the emulator (the default device).</summary>
    public KlapEmulatedPlug Plug => Device as KlapEmulatedPlug ?? throw new InvalidOperationException("this emulator hosts a SMART device; use Device");

    /// <summary>When set, every answer carries <c>Connection: close</c>, as P100 firmware is reported to do.</summary>
    public bool CloseAfterEachRequest { get; set; }

    /// <summary>Completed handshake1 exchanges.</summary>
    public int Handshakes => Volatile.Read(ref this.handshakes);

    /// <summary>Requests refused with 403 because their session was unknown.</summary>
    public int RefusedForSession => Volatile.Read(ref this.refusedForSession);

    /// <summary>When set, handshake1 proves a different auth hash than the one the device holds (an impostor).</summary>
    public bool TamperDeviceProof { get; set; }

    /// <summary>When set, every reply's signature is corrupted in transit.</summary>
    public bool TamperReplySignature { get; set; }

    /// <summary>When set, encrypted requests are read but never answered (a plug that hangs after the request reached it).</summary>
    public bool StallRequests { get; set; }

    public static Task<KlapDeviceEmulator> StartAsync(KlapDeviceOptions options, CancellationToken cancellationToken) =>
        StartAsync(options, new KlapEmulatedPlug(options.Model), cancellationToken);

    public static async Task<KlapDeviceEmulator> StartAsync(KlapDeviceOptions options, IEmulatedDevice device, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new KlapDeviceEmulator(app, options, device);
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        emulator.Port = new Uri(address).Port;
        return emulator;
    }

    /// <summary>Forgets every session, as a plug does when its session times out or it reboots.</summary>
    public void ExpireSessions() => this.sessions.Clear();

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        if (StallRequests && context.Request.Path == "/app/request")
        {
            await WaitUntilClientGivesUpAsync(context.RequestAborted);
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

        if (reply.Length > 0)
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(reply);
        }
    }

    private (int, byte[], string?) Handshake1(byte[] localSeed)
    {
        if (localSeed.Length != 16)
        {
            return (400, [], null);
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

        var reply = cipher.SealReply(Device.Execute(plaintext), sequence);
        if (TamperReplySignature)
        {
            reply[0] ^= 0x01;
        }

        return (200, reply, null);
    }

    private bool TryGetSession(HttpRequest request, out DeviceSession session)
    {
        session = null!;
        return request.Cookies.TryGetValue(SessionCookie, out var id) && id is not null && this.sessions.TryGetValue(id, out session!);
    }

    private static async Task WaitUntilClientGivesUpAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client timed out and closed the connection: exactly what a stalled plug waits for.
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private sealed class DeviceSession(byte[] localSeed, byte[] remoteSeed)
    {
        public byte[] LocalSeed { get; } = localSeed;

        public byte[] RemoteSeed { get; } = remoteSeed;

        public KlapDeviceCipher? Cipher { get; set; }
    }
}
