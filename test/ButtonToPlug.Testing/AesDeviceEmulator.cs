using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Testing;

/// <summary>
/// An AES "securePassthrough" plug on a free loopback port, written from the protocol facts: <c>handshake</c> with the client's
/// RSA key (AES key and IV back, PKCS#1 v1.5), the <c>TP_SESSIONID</c> cookie, <c>login_device</c> v1 or v2 with the
/// <c>-1501</c> refusal, the token on later URLs, and requests decrypted, carried out by <see cref="Device"/> (the shared SMART
/// model, <see cref="SmartEmulatedDevice"/>, plug or strip) and encrypted back. Tests switch on the firmware quirks real clients report.
/// </summary>
public sealed class AesDeviceEmulator : IAsyncDisposable
{
    private const string SessionCookie = "TP_SESSIONID";

    private readonly LoopbackWebHost host;
    private readonly AesDeviceOptions options;
    private readonly ConcurrentDictionary<string, DeviceSession> sessions = new(StringComparer.Ordinal);
    private int handshakes;
    private int logins;
    private int refusedLogins;

    private AesDeviceEmulator(LoopbackWebHost host, AesDeviceOptions options, SmartEmulatedDevice device)
    {
        this.host = host;
        this.options = options;
        Device = device;
    }

    public string Host { get; } = IPAddress.Loopback.ToString();

    public int Port => this.host.Port;

    /// <summary>The device that carries out every decrypted request after login; securePassthrough carries only SMART.</summary>
    public SmartEmulatedDevice Device { get; }

    /// <summary>Completed handshakes.</summary>
    public int Handshakes => Volatile.Read(ref this.handshakes);

    /// <summary>Accepted logins.</summary>
    public int Logins => Volatile.Read(ref this.logins);

    /// <summary>Logins refused with -1501.</summary>
    public int RefusedLogins => Volatile.Read(ref this.refusedLogins);

    /// <summary>When set, the handshake's key is random bytes instead of the session key encrypted with the client's RSA key.</summary>
    public bool UndecryptableHandshakeKey { get; set; }

    /// <summary>When set, the handshake is answered with this JSON instead (firmware that dropped the AES handshake).</summary>
    public string? HandshakeAnswer { get; set; }

    /// <summary>When set, the connection is closed 1 to 20 ms after every answer without saying so (the P100 is reported to).</summary>
    public bool CloseAfterEveryAnswer { get; set; }

    /// <summary>When set, requests after login are carried out, but their answer is not base64 (a garbled reply).</summary>
    public bool GarbleAnswers { get; set; }

    /// <summary>When set, requests after login are read but never answered (a plug that hangs after the request reached it).</summary>
    public bool StallRequests { get; set; }

    /// <summary>When set, every exchange is read but never answered (a plug that hangs as soon as anything arrives).</summary>
    public bool StallEverything { get; set; }

    public static async Task<AesDeviceEmulator> StartAsync(AesDeviceOptions options, SmartEmulatedDevice device, CancellationToken cancellationToken)
    {
        var host = LoopbackWebHost.Create();
        var emulator = new AesDeviceEmulator(host, options, device);
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
        if (StallEverything)
        {
            await DeviceExchange.WaitUntilClientGivesUpAsync(context.RequestAborted);
            return;
        }

        if (context.Request.Path != "/app" || !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = 404;
            return;
        }

        // Firmware answers a request without an explicit Content-Length (chunked) with HTTP 500.
        if (context.Request.ContentLength is null)
        {
            context.Response.StatusCode = 500;
            return;
        }

        string answer;
        string? setCookie = null;
        using (var request = JsonDocument.Parse(body))
        {
            var root = request.RootElement;
            var method = root.TryGetProperty("method", out var name) ? name.GetString() : null;
            switch (method)
            {
                case "handshake":
                    (answer, setCookie) = Handshake(root.GetProperty("params").GetProperty("key").GetString()!);
                    break;
                case "securePassthrough":
                    var passthrough = Passthrough(context.Request, root.GetProperty("params").GetProperty("request").GetString()!);
                    if (passthrough is null)
                    {
                        await DeviceExchange.WaitUntilClientGivesUpAsync(context.RequestAborted);
                        return;
                    }

                    answer = passthrough;
                    break;
                default:
                    answer = """{"error_code":-1002}""";
                    break;
            }
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json;charset=UTF-8";
        if (setCookie is not null)
        {
            context.Response.Headers.SetCookie = setCookie;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer));
        if (CloseAfterEveryAnswer)
        {
            await DeviceExchange.CloseSoonAfterTheAnswerAsync(context);
        }
    }

    private (string Answer, string? SetCookie) Handshake(string pem)
    {
        if (HandshakeAnswer is { } refusal)
        {
            return (refusal, null);
        }

        using var clientKey = RSA.Create();
        clientKey.ImportFromPem(pem);
        var keyAndIv = RandomNumberGenerator.GetBytes(32);
        var encrypted = UndecryptableHandshakeKey ? RandomNumberGenerator.GetBytes(128) : clientKey.Encrypt(keyAndIv, RSAEncryptionPadding.Pkcs1);
        var sessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        this.sessions[sessionId] = new DeviceSession(keyAndIv);
        Interlocked.Increment(ref this.handshakes);
        var timeout = this.options.SessionTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        return (Envelope("key", Convert.ToBase64String(encrypted)), $"{SessionCookie}={sessionId};TIMEOUT={timeout}");
    }

    /// <returns>The envelope to answer with, or null to leave the request unanswered.</returns>
    private string? Passthrough(HttpRequest request, string encryptedRequest)
    {
        if (!request.Cookies.TryGetValue(SessionCookie, out var id) || id is null || !this.sessions.TryGetValue(id, out var session) || session.Spoiled)
        {
            return """{"error_code":9999}""";
        }

        byte[] plaintext;
        try
        {
            plaintext = session.Decrypt(encryptedRequest);
        }
        catch (CryptographicException)
        {
            return """{"error_code":-1003}""";
        }

        using var inner = JsonDocument.Parse(plaintext);
        var method = inner.RootElement.TryGetProperty("method", out var name) ? name.GetString() : null;
        byte[] answer;
        if (method == "login_device")
        {
            answer = Login(session, inner.RootElement.GetProperty("params"));
        }
        else if (session.Token is null || request.Query["token"] != session.Token)
        {
            return """{"error_code":9999}""";
        }
        else if (StallRequests)
        {
            return null;
        }
        else
        {
            answer = Device.Execute(plaintext);
            if (GarbleAnswers)
            {
                return Envelope("response", "%%% not base64 %%%");
            }
        }

        return Envelope("response", session.Encrypt(answer));
    }

    private byte[] Login(DeviceSession session, JsonElement parameters)
    {
        var passwordField = this.options.LoginVersion == 2 ? "password2" : "password";
        var expectedPassword = this.options.LoginVersion == 2 ? Base64(Sha1Hex(this.options.Password)) : Base64(this.options.Password);
        var accepted = parameters.TryGetProperty("username", out var username) && username.GetString() == Base64(Sha1Hex(this.options.Username))
            && parameters.TryGetProperty(passwordField, out var password) && password.GetString() == expectedPassword;
        if (!accepted)
        {
            // Real firmware answers every later call on this session with an error until a new handshake.
            session.Spoiled = true;
            Interlocked.Increment(ref this.refusedLogins);
            return """{"error_code":-1501,"msg":"Invalid request or credentials"}"""u8.ToArray();
        }

        session.Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Interlocked.Increment(ref this.logins);
        return Encoding.UTF8.GetBytes(Envelope("token", session.Token));
    }

#pragma warning disable CA5350 // The login format fixes SHA-1.
    private static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350

    private static string Envelope(string member, string value) => $"{{\"error_code\":0,\"result\":{{\"{member}\":\"{value}\"}}}}";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private sealed class DeviceSession(byte[] keyAndIv) : IDisposable
    {
        private readonly Aes aes = CreateAes(keyAndIv);
        private readonly byte[] iv = keyAndIv[16..];

        public string? Token { get; set; }

        public bool Spoiled { get; set; }

        public byte[] Decrypt(string base64) => this.aes.DecryptCbc(Convert.FromBase64String(base64), this.iv, PaddingMode.PKCS7);

        public string Encrypt(byte[] plaintext) => Convert.ToBase64String(this.aes.EncryptCbc(plaintext, this.iv, PaddingMode.PKCS7));

        public void Dispose() => this.aes.Dispose();

        private static Aes CreateAes(byte[] keyAndIv)
        {
            var aes = Aes.Create();
            aes.Key = keyAndIv[..16];
            return aes;
        }
    }
}
