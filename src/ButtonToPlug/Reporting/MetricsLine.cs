using System.Text.Json.Serialization;
using ButtonToPlug.Logging;

namespace ButtonToPlug.Reporting;

/// <summary>
/// One CloudWatch Embedded Metric Format document: CloudWatch Logs turns it into the metrics Presses and ElapsedMs, and on
/// failure Failures with the errorType dimension. Metric values are the top-level members the directives name.
/// It carries the envelope's <c>timestamp</c> and <c>level</c> (always INFO) too, so Lambda's level filter reads it right.
/// </summary>
internal sealed record MetricsLine(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("level")] LogLevel Level,
    [property: JsonPropertyName("_aws")] MetricsMetadata Aws,
    [property: JsonPropertyName("Presses")] int Presses,
    [property: JsonPropertyName("ElapsedMs")] long ElapsedMs,
    [property: JsonPropertyName("Failures")] int? Failures,
    [property: JsonPropertyName("errorType")] string? ErrorType) : ILogRecord;
