using System.Text.Json.Serialization;

namespace ButtonToPlug.Reporting;

/// <summary>One EMF directive: a namespace, the dimension sets, and the metrics published under them.</summary>
internal sealed record MetricDirective(
    [property: JsonPropertyName("Namespace")] string Namespace,
    [property: JsonPropertyName("Dimensions")] IReadOnlyList<IReadOnlyList<string>> Dimensions,
    [property: JsonPropertyName("Metrics")] IReadOnlyList<MetricDefinition> Metrics);
