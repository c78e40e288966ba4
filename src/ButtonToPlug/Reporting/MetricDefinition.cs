using System.Text.Json.Serialization;

namespace ButtonToPlug.Reporting;

/// <summary>A metric an EMF directive publishes, named after the top-level member holding its value.</summary>
internal sealed record MetricDefinition(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Unit")] string Unit);
