namespace ButtonToPlug.Testing;

/// <summary>One outlet of an emulated SMART strip: its child id, its place on the strip, its base64 nickname and its relay.</summary>
public sealed class SmartEmulatedOutlet(string deviceId, int position, string nickname)
{
    public string DeviceId { get; set; } = deviceId;

    /// <summary>1-based, as real strips number their outlets.</summary>
    public int Position { get; } = position;

    /// <summary>Base64 of UTF-8, as the device sends it.</summary>
    public string Nickname { get; set; } = nickname;

    public bool On { get; set; }

    /// <summary>The outlet's countdown rule as raw JSON params, or null.</summary>
    public string? CountdownRule { get; set; }
}
