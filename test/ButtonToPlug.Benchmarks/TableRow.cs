namespace ButtonToPlug.Benchmarks;

/// <summary>One line of the printed table: a measure, its value, and the target when it has one.</summary>
internal sealed record TableRow(string Measure, double Value, string Unit, string? Target = null, bool? Met = null);
