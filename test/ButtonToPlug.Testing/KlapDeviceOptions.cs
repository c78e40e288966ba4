namespace ButtonToPlug.Testing;

/// <summary>How the emulated KLAP plug is set up: the account it is bound to, its KLAP version and its session lifetime.</summary>
public sealed record KlapDeviceOptions
{
    public string Username { get; init; } = "";

    public string Password { get; init; } = "";

    /// <summary>1 (MD5 auth hash) or 2 (SHA-1/SHA-256 auth hash).</summary>
    public int Version { get; init; } = 2;

    /// <summary>The TIMEOUT the device advertises next to its session cookie.</summary>
    public int SessionTimeoutSeconds { get; init; } = 86400;

    /// <summary>The model the plug reports in get_sysinfo.</summary>
    public string Model { get; init; } = "HS103(US)";
}
