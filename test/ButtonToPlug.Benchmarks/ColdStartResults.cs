namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Process start until the first response reached the Runtime API; AotToJit is AOT median / JIT median. AotCpu and JitCpu
/// are the CPU milliseconds each process had used by then (all threads), the part of a cold start that load cannot
/// inflate (absent from results written before they were measured).
/// </summary>
internal sealed record ColdStartResults(
    TimingStats Aot,
    TimingStats Jit,
    double AotToJit,
    double JitToAot,
    TimingStats? AotCpu,
    TimingStats? JitCpu,
    long AotPeakRssMedian,
    long JitPeakRssMedian);
