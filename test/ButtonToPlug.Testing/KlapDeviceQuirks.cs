namespace ButtonToPlug.Testing;

/// <summary>
/// Ways real KLAP firmware is reported to depart from the protocol as clients read it, each switchable on the emulator.
/// The defaults are a plug that follows it.
/// </summary>
public sealed record KlapDeviceQuirks
{
    /// <summary>Reply signatures are random bytes: nothing public shows how every firmware fills them.</summary>
    public bool RandomReplySignature { get; init; }

    /// <summary>HTTP 403 on handshake1: third-party compatibility is off, TPAP firmware, or a plug that refuses clients.</summary>
    public bool RefuseHandshake { get; init; }

    /// <summary>Requests a session takes before it refuses the rest (1: HS110 "SHIP 2.0"); null for no limit.</summary>
    public int? RequestsPerSession { get; init; }

    /// <summary>How a request beyond <see cref="RequestsPerSession"/> is refused (never carried out).</summary>
    public KlapSessionRefusal BeyondLimit { get; init; } = KlapSessionRefusal.Forbidden;

    /// <summary>Requests are answered with an HTML page and status 200 instead of ciphertext, and not carried out (KL125 reports).</summary>
    public bool HtmlInsteadOfCiphertext { get; init; }

    /// <summary>The connection is dropped 1–20 ms after every answer without <c>Connection: close</c> (P100; HTTP/1.0 without keep-alive).</summary>
    public bool CloseAfterEveryAnswer { get; init; }
}
