using System.Text.Json.Serialization;
using ButtonToPlug.Logging;

namespace ButtonToPlug.Reporting;

/// <summary>
/// One CloudWatch Embedded Metric Format document: CloudWatch Logs turns it into the metrics Presses and ElapsedMs, and on
/// failure Failures with the errorType dimension. Metric values are the top-level members the directives name.
/// It carries the envelope of every line too (<c>level</c> always INFO), so Lambda's level filter reads it right; members
/// that no directive names are kept by CloudWatch as plain log fields.
/// </summary>
internal sealed record MetricsLine(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("level")] LogLevel Level,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("traceId")] string? TraceId,
    [property: JsonPropertyName("_aws")] MetricsMetadata Aws,
    [property: JsonPropertyName("Presses")] int Presses,
    [property: JsonPropertyName("ElapsedMs")] long ElapsedMs,
    [property: JsonPropertyName("Failures")] int? Failures,
    [property: JsonPropertyName("errorType")] string? ErrorType) : ILogRecord;
