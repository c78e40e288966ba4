using System.Globalization;
using ButtonToPlug.Actions;
using ButtonToPlug.Events;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Settings;

/// <summary>
/// Where the plug is and what each click does, validated. <see cref="SecureNames"/> says which settings were SecureString
/// parameters: those fields are shown masked whole (<see cref="DisplayHost"/>, <see cref="DisplayPort"/>,
/// <see cref="DisplayOutlet"/>); <see cref="Secrets"/> masks their values in text that quotes them.
/// </summary>
internal sealed record PlugSettings(
    string Host,
    int Port,
    PlugOutlet? Outlet,
    ClickAction Single,
    ClickAction Double,
    ClickAction Long,
    TimeSpan Timeout,
    Redactor Secrets)
{
    public const int DefaultPort = KasaEndpoint.LegacyPort;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>XOR, KLAP, or auto (what the port suggests first, the other once, remembered per endpoint).</summary>
    public ProtocolSetting Protocol { get; init; } = ProtocolSetting.Auto;

    /// <summary>The TP-Link account a KLAP plug is bound to; null tries the default and blank credentials only.</summary>
    public KasaCredentials? Credentials { get; init; }

    /// <summary>What the click's log line warns about the settings themselves, such as a key that is no setting.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The names (as in <see cref="SettingNames"/>) of the settings that came from SecureString parameters.</summary>
    public IReadOnlySet<string> SecureNames { get; init; } = new HashSet<string>();
    /// <summary>The token HTTPS clicks must present; null refuses every HTTPS click.</summary>
    public WebhookToken? WebhookToken { get; init; }

    public ClickAction ActionFor(ClickType click) => click switch
    {
        ClickType.Single => Single,
        ClickType.Double => Double,
        _ => Long,
    };

    /// <summary>The host as it may be shown: masked when it came from a SecureString.</summary>
    public string DisplayHost => SecureNames.Contains(SettingNames.Host) ? Redactor.Mask : Host;

    /// <summary>The port as it may be shown: null when it came from a SecureString.</summary>
    public int? DisplayPort => SecureNames.Contains(SettingNames.Port) ? null : Port;

    /// <summary>The outlet as it may be shown: masked when it came from a SecureString, null for the whole device.</summary>
    public string? DisplayOutlet => Outlet is null ? null : SecureNames.Contains(SettingNames.Outlet) ? Redactor.Mask : Outlet.ToString();

    /// <summary>host:port as it may be shown, each part masked on its own.</summary>
    public string DisplayEndpoint
    {
        get
        {
            var port = DisplayPort?.ToString(CultureInfo.InvariantCulture) ?? Redactor.Mask;
            return SecureNames.Contains(SettingNames.Host) || !Host.Contains(':', StringComparison.Ordinal) ? $"{DisplayHost}:{port}" : $"[{Host}]:{port}";
        }
    }
}
