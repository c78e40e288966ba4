namespace ButtonToPlug.Testing;

/// <summary>How the emulated AES plug is set up: the account it accepts and the login version it expects.</summary>
public sealed record AesDeviceOptions
{
    public string Username { get; init; } = "";

    public string Password { get; init; } = "";

    /// <summary>1 (<c>password: base64(password)</c>) or 2 (<c>password2: base64(sha1hex(password))</c>).</summary>
    public int LoginVersion { get; init; } = 1;

    /// <summary>The TIMEOUT the device advertises next to its session cookie.</summary>
    public int SessionTimeoutSeconds { get; init; } = 1440;
}
