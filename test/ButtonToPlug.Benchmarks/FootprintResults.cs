namespace ButtonToPlug.Benchmarks;

/// <summary>Sizes on disk and the median peak RSS of a cold click, per build.</summary>
internal sealed record FootprintResults(long BootstrapBytes, long JitPublishBytes, long AotPeakRss, long JitPeakRss);
