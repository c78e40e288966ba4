using System.Text.Json.Serialization;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>One outlet in a strip's <c>get_child_device_list</c>.</summary>
internal sealed class ChildAnswer
{
    [JsonPropertyName("device_id")]
    public string? DeviceId { get; init; }

    /// <summary>The outlet's place on the strip; the list itself may come in any order.</summary>
    [JsonPropertyName("position")]
    public int? Position { get; init; }

    [JsonPropertyName("nickname")]
    public string? Nickname { get; init; }

    [JsonPropertyName("device_on")]
    public bool? DeviceOn { get; init; }
}
