using System.Text.Json.Serialization;

namespace ButtonToPlug.Kasa.Iot;

/// <summary>One outlet in a strip's <c>get_sysinfo</c> result.</summary>
internal sealed class SysInfoChildAnswer
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("alias")]
    public string? Alias { get; init; }

    [JsonPropertyName("state")]
    public int? State { get; init; }
}
