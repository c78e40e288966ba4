namespace ButtonToPlug.Benchmarks;

// The JSON written to artifacts/bench/results.json: one file per run, so a later run can be compared field by field.
// Times are milliseconds unless the name says otherwise; sizes are bytes.

internal sealed record BenchResults(
    DateTimeOffset MeasuredAt,
    MachineFacts Machine,
    ColdStartResults? ColdStart,
    WarmClickResults? WarmClick,
    IReadOnlyList<CodecResult>? Codec,
    FootprintResults? Footprint);

internal sealed record MachineFacts(string Os, int ProcessorCount, string Runtime, double LoadAverageAtStart, double LoadAverageAtEnd, string? Commit);

/// <summary>
/// Process start until the first response reached the Runtime API; AotToJit is AOT median / JIT median. AotCpu and JitCpu
/// are the CPU milliseconds each process had used by then (all threads), the part of a cold start that load cannot inflate.
/// </summary>
internal sealed record ColdStartResults(
    TimingStats Aot, TimingStats Jit, double AotToJit, double JitToAot, TimingStats AotCpu, TimingStats JitCpu, long AotPeakRssMedian, long JitPeakRssMedian);

/// <summary>
/// Warm clicks. The process figures are measured at the Runtime API (event handed out → response posted) against the
/// running AOT and JIT builds; the in-process figures run Function.HandleAsync in the harness, where allocations can be
/// counted; PlugExchange is the same two requests over the bare transport, so Overhead = click − plug exchange.
/// </summary>
internal sealed record WarmClickResults(
    TimingStats AotProcess,
    TimingStats JitProcess,
    TimingStats InProcess,
    TimingStats PlugExchange,
    double AotOverheadMedian,
    double InProcessOverheadMedian,
    long AllocatedBytesPerClick,
    long PlugExchangeAllocatedBytes);

internal sealed record CodecResult(string Method, int PayloadBytes, double MedianNanoseconds, double BytesPerSecond, long? AllocatedBytesPerOperation);

internal sealed record FootprintResults(long BootstrapBytes, long JitPublishBytes, long AotPeakRss, long JitPeakRss);
