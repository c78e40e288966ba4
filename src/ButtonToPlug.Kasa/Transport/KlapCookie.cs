namespace ButtonToPlug.Kasa.Transport;

/// <summary>The session cookie a device hands out in its handshake1 reply, and how long it says the session lives.</summary>
internal sealed record KlapCookie(string? SessionId, TimeSpan Lifetime)
{
    public const string SessionName = "TP_SESSIONID";
    private const string TimeoutName = "TIMEOUT";

    /// <summary>Devices advertise a day when they say nothing.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// Reads <c>Set-Cookie: TP_SESSIONID=…;TIMEOUT=86400</c>. The device packs TIMEOUT in like a second cookie; it must not be sent
    /// back, which is why the transport keeps its own cookie rather than a cookie container.
    /// </summary>
    public static KlapCookie Parse(IEnumerable<string> setCookieHeaders)
    {
        string? sessionId = null;
        var lifetime = DefaultLifetime;
        foreach (var header in setCookieHeaders)
        {
            foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    continue;
                }

                var name = part[..equals];
                var value = part[(equals + 1)..];
                if (name.Equals(SessionName, StringComparison.OrdinalIgnoreCase) && value.Length > 0)
                {
                    sessionId = value;
                }
                else if (name.Equals(TimeoutName, StringComparison.OrdinalIgnoreCase)
                         && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                         && seconds > 0)
                {
                    lifetime = TimeSpan.FromSeconds(seconds);
                }
            }
        }

        return new KlapCookie(sessionId, lifetime);
    }

    /// <summary>The <c>Cookie</c> request header value, or null when the device set no session id.</summary>
    public string? RequestHeader => SessionId is null ? null : $"{SessionName}={SessionId}";
}
