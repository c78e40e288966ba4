namespace ButtonToPlug.Benchmarks.Field;

/// <summary>The outcomes of every contender under one CPU condition (uncapped, or capped at Lambda's share at 256 MB).</summary>
internal sealed record FieldCondition(string Name, double LoadAtStart, double LoadAtEnd, IReadOnlyList<FieldOutcome> Outcomes);
