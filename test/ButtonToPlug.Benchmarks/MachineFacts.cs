namespace ButtonToPlug.Benchmarks;

/// <summary>Where and under what load the numbers were taken.</summary>
internal sealed record MachineFacts(string Os, int ProcessorCount, string Runtime, double LoadAverageAtStart, double LoadAverageAtEnd, string? Commit);
