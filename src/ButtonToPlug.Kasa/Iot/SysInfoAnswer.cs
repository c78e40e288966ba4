using System.Text.Json.Serialization;

namespace ButtonToPlug.Kasa.Iot;

/// <summary>The result of <c>system.get_sysinfo</c> as plugs and strips send it; fields differ across firmware.</summary>
internal sealed class SysInfoAnswer
{
    [JsonPropertyName("alias")]
    public string? Alias { get; init; }

    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("deviceId")]
    public string? DeviceId { get; init; }

    [JsonPropertyName("mac")]
    public string? Mac { get; init; }

    /// <summary>Some firmware names the MAC field like this instead.</summary>
    [JsonPropertyName("mic_mac")]
    public string? MicMac { get; init; }

    [JsonPropertyName("sw_ver")]
    public string? SoftwareVersion { get; init; }

    [JsonPropertyName("hw_ver")]
    public string? HardwareVersion { get; init; }

    [JsonPropertyName("relay_state")]
    public int? RelayState { get; init; }

    [JsonPropertyName("on_time")]
    public long? OnTime { get; init; }

    [JsonPropertyName("led_off")]
    public int? LedOff { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Newer firmware (HS300, KP115, …) names the device type field like this.</summary>
    [JsonPropertyName("mic_type")]
    public string? MicType { get; init; }

    [JsonPropertyName("children")]
    public List<SysInfoChildAnswer>? Children { get; init; }
}
