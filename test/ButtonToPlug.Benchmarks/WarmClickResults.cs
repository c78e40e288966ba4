namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Warm clicks. The process figures are measured at the Runtime API (event handed out → response posted) against the
/// running AOT and JIT builds; the in-process figures run Function.HandleAsync in the harness, where allocations can be
/// counted; PlugExchange is the same two requests over the bare transport, so overhead = click − plug exchange.
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
