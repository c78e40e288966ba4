using System.Text.Json.Serialization;

namespace ButtonToPlug.Cli;

/// <summary>Source-generated JSON for `--json` output (camelCase, one line).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InfoJson))]
[JsonSerializable(typeof(SwitchJson))]
[JsonSerializable(typeof(List<DiscoveredJson>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
