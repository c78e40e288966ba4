namespace ButtonToPlug.Kasa.Transport;

/// <summary>The two KLAP handshake generations. They share the session cipher and differ only in how credentials are hashed.</summary>
internal enum KlapVersion
{
    /// <summary>MD5-based auth hash (HS100/HS110 hardware 4.1 firmware from 2020 on).</summary>
    V1 = 1,

    /// <summary>SHA-1/SHA-256-based auth hash (the plugs flagged <c>new_klap</c>, e.g. HS300/KP303 hw 2.0, HS103 hw 5.0, KP115).</summary>
    V2 = 2,
}
