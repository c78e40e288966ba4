using System.Text.Json.Serialization;

namespace ButtonToPlug.Reporting;

/// <summary>
/// One CloudWatch Embedded Metric Format document: CloudWatch Logs turns it into the metrics Presses and ElapsedMs, and on
/// failure Failures with the errorType dimension. Metric values are the top-level members the directives name.
/// </summary>
internal sealed record MetricsLine(
    [property: JsonPropertyName("_aws")] MetricsMetadata Aws,
    [property: JsonPropertyName("Presses")] int Presses,
    [property: JsonPropertyName("ElapsedMs")] long ElapsedMs,
    [property: JsonPropertyName("Failures")] int? Failures,
    [property: JsonPropertyName("errorType")] string? ErrorType);
