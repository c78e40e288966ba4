namespace ButtonToPlug.Settings;

/// <summary>The parameter names under the settings path (CONTRACTS.md section 2); also the keys of a local settings file.</summary>
internal static class SettingNames
{
    public const string Host = "host";
    public const string Port = "port";
    public const string Outlet = "outlet";
    public const string Single = "single";
    public const string Double = "double";
    public const string Long = "long";
    public const string Timeout = "timeout";
    public const string Protocol = "protocol";
    public const string Username = "username";
    public const string Password = "password";
    public const string WebhookToken = "webhook-token";

    /// <summary>Every name above, in the order help texts list them; a key outside it is reported as unknown.</summary>
    public static IReadOnlyList<string> All { get; } = [Host, Port, Outlet, Single, Double, Long, Timeout, Protocol, Username, Password, WebhookToken];
}
