namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Process start until the first response reached the Runtime API; AotToJit is AOT median / JIT median. AotCpu and JitCpu
/// are the CPU milliseconds each process had used by then (all threads), the part of a cold start that load cannot
/// inflate (absent from results written before they were measured). SsmRoundTrip is one GetParametersByPath answered by
/// moto_server to the harness's own warm SDK client: the part of every cold click that is the local SSM stand-in's, not ours.
/// </summary>
internal sealed record ColdStartResults(
    TimingStats Aot,
    TimingStats Jit,
    double AotToJit,
    double JitToAot,
    TimingStats? AotCpu,
    TimingStats? JitCpu,
    long AotPeakRssMedian,
    long JitPeakRssMedian,
    TimingStats SsmRoundTrip);
