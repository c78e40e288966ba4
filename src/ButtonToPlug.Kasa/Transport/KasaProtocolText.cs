namespace ButtonToPlug.Kasa.Transport;

/// <summary>The settings and command-line spelling of <see cref="KasaProtocol"/>.</summary>
public static class KasaProtocolText
{
    public const string Choices = "xor, klap or auto";

    public static bool TryParse(string? text, out KasaProtocol protocol)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "XOR":
                protocol = KasaProtocol.Xor;
                return true;
            case "KLAP":
                protocol = KasaProtocol.Klap;
                return true;
            case "AUTO":
                protocol = KasaProtocol.Auto;
                return true;
            default:
                protocol = default;
                return false;
        }
    }

    public static string ToText(this KasaProtocol protocol) => protocol switch
    {
        KasaProtocol.Xor => "xor",
        KasaProtocol.Klap => "klap",
        _ => "auto",
    };
}
