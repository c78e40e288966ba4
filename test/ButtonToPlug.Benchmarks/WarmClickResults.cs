namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Warm clicks. The process figures are measured at the Runtime API (event handed out → response posted) against the
/// running AOT and JIT builds, with the CPU time each process spent per click; the in-process figures run
/// Function.HandleAsync in the harness, where allocations can be counted. PlugExchange is the same two requests over the
/// bare transport, done right after each click; the overheads are the per-click differences (click − plug exchange).
/// </summary>
internal sealed record WarmClickResults(
    TimingStats AotProcess,
    TimingStats JitProcess,
    TimingStats InProcess,
    TimingStats PlugExchange,
    TimingStats AotOverhead,
    TimingStats JitOverhead,
    TimingStats InProcessOverhead,
    double AotCpuPerClick,
    double JitCpuPerClick,
    long AllocatedBytesPerClick);
