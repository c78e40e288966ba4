using System.Text.Json.Serialization;

namespace ButtonToPlug.Benchmarks.Field;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FieldResults))]
internal sealed partial class FieldJsonContext : JsonSerializerContext;
