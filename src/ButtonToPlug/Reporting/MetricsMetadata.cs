using System.Text.Json.Serialization;

namespace ButtonToPlug.Reporting;

/// <summary>The <c>_aws</c> member of an EMF document: when, and which top-level members are metrics.</summary>
internal sealed record MetricsMetadata(
    [property: JsonPropertyName("Timestamp")] long Timestamp,
    [property: JsonPropertyName("CloudWatchMetrics")] IReadOnlyList<MetricDirective> CloudWatchMetrics);
