using System.Text.Json.Serialization;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>One page of <c>get_child_device_list</c>: some outlets from <c>start_index</c> on, and how many there are in all.</summary>
internal sealed class ChildListAnswer
{
    [JsonPropertyName("child_device_list")]
    public List<ChildAnswer>? Children { get; init; }

    [JsonPropertyName("start_index")]
    public int? StartIndex { get; init; }

    [JsonPropertyName("sum")]
    public int? Sum { get; init; }
}
