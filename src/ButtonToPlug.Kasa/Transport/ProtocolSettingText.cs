namespace ButtonToPlug.Kasa.Transport;

/// <summary>The settings and command-line spelling of <see cref="ProtocolSetting"/>.</summary>
public static class ProtocolSettingText
{
    /// <summary>The values as help texts and messages show them: lower case, separated by a bar.</summary>
    public const string Choices = "auto|xor|klap|aes";

    public static bool TryParse(string? text, out ProtocolSetting protocol)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "XOR":
                protocol = ProtocolSetting.Xor;
                return true;
            case "KLAP":
                protocol = ProtocolSetting.Klap;
                return true;
            case "AES":
                protocol = ProtocolSetting.Aes;
                return true;
            case "AUTO":
                protocol = ProtocolSetting.Auto;
                return true;
            default:
                protocol = default;
                return false;
        }
    }

    public static string ToText(this ProtocolSetting protocol) => protocol switch
    {
        ProtocolSetting.Xor => "xor",
        ProtocolSetting.Klap => "klap",
        ProtocolSetting.Aes => "aes",
        _ => "auto",
    };

    /// <summary>The transport's name in messages: XOR, KLAP or AES.</summary>
    public static string TransportName(this ProtocolSetting protocol) => protocol switch
    {
        ProtocolSetting.Xor => "XOR",
        ProtocolSetting.Klap => "KLAP",
        ProtocolSetting.Aes => "AES",
        _ => "auto",
    };

    /// <summary>True for the settings whose plugs listen on port 80 (KLAP and AES over HTTP).</summary>
    public static bool UsesHttp(this ProtocolSetting protocol) => protocol is ProtocolSetting.Klap or ProtocolSetting.Aes;
}
