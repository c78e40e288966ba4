using System.Text.Json.Serialization;

namespace ButtonToPlug.Https;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FunctionUrlResponse))]
[JsonSerializable(typeof(FunctionUrlError))]
internal sealed partial class FunctionUrlJsonContext : JsonSerializerContext;
