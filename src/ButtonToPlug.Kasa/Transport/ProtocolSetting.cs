namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The <c>protocol</c> setting: which transport carries the bytes to a plug, or <c>auto</c> to find out. Settings and the CLI spell
/// these <c>auto</c>, <c>xor</c>, <c>klap</c> and <c>aes</c>. "Protocol" means this setting only; the bytes on the wire are a
/// transport (XOR/TCP, KLAP/HTTP, AES/HTTP) and the JSON inside them a dialect (IOT, SMART).
/// </summary>
public enum ProtocolSetting
{
    /// <summary>Probe the port for the transport it speaks (reads and handshakes only) and remember per endpoint what answered.</summary>
    Auto,

    /// <summary>The legacy XOR-obfuscated JSON over TCP, usually on port 9999.</summary>
    Xor,

    /// <summary>KLAP, the authenticated and encrypted protocol over HTTP of newer firmware, on port 80.</summary>
    Klap,

    /// <summary>The AES "securePassthrough" handshake over HTTP of older Tapo firmware, on port 80.</summary>
    Aes,
}
