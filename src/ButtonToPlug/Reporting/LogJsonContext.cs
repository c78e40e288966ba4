using System.Text.Json.Serialization;

namespace ButtonToPlug.Reporting;

/// <summary>Log lines leave out empty fields: they are read by people and CloudWatch Logs Insights, not by a schema.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClickLogLine))]
[JsonSerializable(typeof(MetricsLine))]
internal sealed partial class LogJsonContext : JsonSerializerContext;
