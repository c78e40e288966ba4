namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The <c>protocol</c> setting: which transport carries the bytes to a plug, or <c>auto</c> to find out. Settings and the CLI spell
/// these <c>xor</c>, <c>klap</c> and <c>auto</c>. "Protocol" means this setting only; the bytes on the wire are a transport
/// (XOR/TCP, KLAP/HTTP) and the JSON inside them a dialect (IOT, SMART).
/// </summary>
public enum ProtocolSetting
{
    /// <summary>Try what the port suggests, fall back to the other once, and remember per endpoint what worked.</summary>
    Auto,

    /// <summary>The legacy XOR-obfuscated JSON over TCP, usually on port 9999.</summary>
    Xor,

    /// <summary>KLAP, the authenticated and encrypted protocol over HTTP of newer firmware, on port 80.</summary>
    Klap,
}
