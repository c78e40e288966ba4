namespace ButtonToPlug.Kasa.Transport;

/// <summary>The settings and command-line spelling of <see cref="ProtocolSetting"/>.</summary>
public static class ProtocolSettingText
{
    /// <summary>The values as help texts and messages show them: lower case, separated by a bar.</summary>
    public const string Choices = "auto|klap|xor";

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
