using System.Diagnostics;

namespace ButtonToPlug.Benchmarks;

/// <summary>Stopwatch timestamps as milliseconds.</summary>
internal static class Milliseconds
{
    public static double Between(long start, long end) => (end - start) * 1000.0 / Stopwatch.Frequency;

    public static double Since(long start) => Between(start, Stopwatch.GetTimestamp());
}
