namespace ButtonToPlug.Kasa.Transport;

/// <summary>Which wire to reach a plug over. Settings and the CLI spell these <c>xor</c>, <c>klap</c> and <c>auto</c>.</summary>
public enum KasaProtocol
{
    /// <summary>Try what the port suggests, fall back to the other once, and remember per endpoint what worked.</summary>
    Auto,

    /// <summary>The legacy XOR-obfuscated JSON over TCP, usually on port 9999.</summary>
    Xor,

    /// <summary>KLAP, the authenticated and encrypted protocol over HTTP of newer firmware, on port 80.</summary>
    Klap,
}
