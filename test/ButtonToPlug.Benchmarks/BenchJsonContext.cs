using System.Text.Json.Serialization;

namespace ButtonToPlug.Benchmarks;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchResults))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
