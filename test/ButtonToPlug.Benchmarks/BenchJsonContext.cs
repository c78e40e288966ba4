using System.Text.Json.Serialization;

namespace ButtonToPlug.Benchmarks;

// A results file from an older harness lacks fields: it fails to read (and is not compared) instead of reading as nulls.
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(BenchResults))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
