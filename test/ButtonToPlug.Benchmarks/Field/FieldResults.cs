namespace ButtonToPlug.Benchmarks.Field;

/// <summary>What <c>field</c> writes to <c>artifacts/bench/field.json</c>.</summary>
/// <param name="CapNote">Why the capped condition is missing, when it is.</param>
internal sealed record FieldResults(
    DateTimeOffset At, MachineFacts Machine, double PlugOneWayMs, double SsmOneWayMs, int Runs,
    IReadOnlyList<FieldCondition> Conditions, string? CapNote);
