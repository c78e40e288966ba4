using System.Text.Json.Serialization;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>The result of <c>get_device_info</c>; <c>nickname</c> and <c>ssid</c> are base64 UTF-8. A strip parent has no <c>device_on</c>.</summary>
internal sealed class DeviceInfoAnswer
{
    [JsonPropertyName("device_id")]
    public string? DeviceId { get; init; }

    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("fw_ver")]
    public string? FirmwareVersion { get; init; }

    [JsonPropertyName("hw_ver")]
    public string? HardwareVersion { get; init; }

    [JsonPropertyName("mac")]
    public string? Mac { get; init; }

    [JsonPropertyName("nickname")]
    public string? Nickname { get; init; }

    [JsonPropertyName("device_on")]
    public bool? DeviceOn { get; init; }

    [JsonPropertyName("on_time")]
    public long? OnTime { get; init; }
}
