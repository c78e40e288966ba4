namespace ButtonToPlug.Kasa.Transport;

/// <summary>The settings and command-line spelling of <see cref="ProtocolSetting"/>.</summary>
public static class ProtocolSettingText
{
    public const string Choices = "xor, klap or auto";

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
        _ => "auto",
    };
}
