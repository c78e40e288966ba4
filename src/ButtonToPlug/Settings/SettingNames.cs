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
}
