namespace ButtonToPlug.Benchmarks;

/// <summary>Order statistics of timings in milliseconds (nearest-rank percentiles: every reported value was really measured).</summary>
internal sealed record TimingStats(int Count, double Median, double P90, double P99, double Min, double Max)
{
    public static TimingStats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        return new TimingStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[0], sorted[^1]);
    }

    public static long MedianOf(IEnumerable<long> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[(sorted.Length - 1) / 2];
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
