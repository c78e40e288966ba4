using System.Text.Json.Serialization;

namespace ButtonToPlug.Reporting;

/// <summary>Results keep their null fields: the contract's shape is the same on every click.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ClickResult))]
[JsonSerializable(typeof(IgnoredResult))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
