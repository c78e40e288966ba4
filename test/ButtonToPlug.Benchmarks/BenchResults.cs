namespace ButtonToPlug.Benchmarks;

/// <summary>
/// What artifacts/bench/results.json holds: one run, so a later run can be compared field by field. Times are
/// milliseconds unless a name says otherwise; sizes are bytes. A part that was not run is absent.
/// </summary>
internal sealed record BenchResults(
    DateTimeOffset MeasuredAt,
    MachineFacts Machine,
    ColdStartResults? ColdStart,
    WarmClickResults? WarmClick,
    IReadOnlyList<CodecResult>? Codec,
    FootprintResults? Footprint);
