namespace ButtonToPlug.Benchmarks.Field;

/// <summary>What <c>field</c> writes to <c>artifacts/bench/field.json</c>.</summary>
/// <param name="Protocol">The <c>protocol</c> setting ButtonToPlug was given (<c>xor</c> or <c>auto</c>).</param>
/// <param name="CapNote">Why the capped condition is missing, when it is.</param>
internal sealed record FieldResults(
    DateTimeOffset At, MachineFacts Machine, double PlugOneWayMs, double SsmOneWayMs, int Runs, string Protocol,
    IReadOnlyList<FieldCondition> Conditions, string? CapNote);
