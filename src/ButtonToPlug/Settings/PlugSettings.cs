using System.Globalization;
using ButtonToPlug.Actions;
using ButtonToPlug.Events;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Settings;

/// <summary>
/// Where the plug is and what each click does, validated. <see cref="Secrets"/> holds the values of SecureString
/// parameters, which are masked wherever settings are shown.
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

    /// <summary>The token HTTPS clicks must present; null refuses every HTTPS click.</summary>
    public WebhookToken? WebhookToken { get; init; }

    public ClickAction ActionFor(ClickType click) => click switch
    {
        ClickType.Single => Single,
        ClickType.Double => Double,
        _ => Long,
    };

    /// <summary>The host as it may be shown: masked when it came from a SecureString.</summary>
    public string DisplayHost => Secrets.Apply(Host);

    /// <summary>The port as it may be shown: null when it came from a SecureString.</summary>
    public int? DisplayPort => Secrets.Reveals(Port.ToString(CultureInfo.InvariantCulture)) ? null : Port;

    public string DisplayEndpoint => Secrets.Apply(new KasaEndpoint(Host, Port).ToString());
}
