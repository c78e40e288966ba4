using System.Globalization;

namespace ButtonToPlug.Benchmarks;

/// <summary>The results as a plain table, against the targets of issue 6 and, when there is one, the previous run.</summary>
internal static class ResultsTable
{
    private const double MiB = 1024 * 1024;

    public static IReadOnlyList<TableRow> Rows(BenchResults results)
    {
        var rows = new List<TableRow>();
        if (results.ColdStart is { } cold)
        {
            rows.Add(new("cold start AOT median", cold.Aot.Median, "ms", "< 80 ms", cold.Aot.Median < 80));
            rows.Add(new("cold start AOT p90", cold.Aot.P90, "ms"));
            rows.Add(new("cold start JIT median", cold.Jit.Median, "ms"));
            rows.Add(new("cold start JIT p90", cold.Jit.P90, "ms"));
            if (cold is { AotCpu: { } aotCpu, JitCpu: { } jitCpu })
            {
                rows.Add(new("cold start AOT CPU time median", aotCpu.Median, "ms"));
                rows.Add(new("cold start JIT CPU time median", jitCpu.Median, "ms"));
            }

            rows.Add(new("moto_server SSM answer alone (median)", cold.SsmRoundTrip.Median, "ms"));
            rows.Add(new("cold start AOT/JIT (medians)", cold.AotToJit, "x", "<= 0.2 (5x faster)", cold.AotToJit <= 0.2));
        }

        if (results.WarmClick is { } warm)
        {
            rows.Add(new("warm click AOT median (handed out -> posted)", warm.AotProcess.Median, "ms"));
            rows.Add(new("warm click AOT p99", warm.AotProcess.P99, "ms"));
            rows.Add(new("warm click JIT median", warm.JitProcess.Median, "ms"));
            rows.Add(new("warm click JIT p99", warm.JitProcess.P99, "ms"));
            rows.Add(new("warm click in-process median", warm.InProcess.Median, "ms"));
            rows.Add(new("warm click in-process p99", warm.InProcess.P99, "ms"));
            rows.Add(new("plug exchange alone median", warm.PlugExchange.Median, "ms"));
            rows.Add(new("warm click AOT overhead median", warm.AotOverhead.Median, "ms", "< 1 ms", warm.AotOverhead.Median < 1));
            rows.Add(new("warm click AOT overhead p99", warm.AotOverhead.P99, "ms"));
            rows.Add(new("warm click JIT overhead median", warm.JitOverhead.Median, "ms"));
            rows.Add(new("warm click in-process overhead median", warm.InProcessOverhead.Median, "ms", "< 1 ms", warm.InProcessOverhead.Median < 1));
            rows.Add(new("warm click AOT CPU per click", warm.AotCpuPerClick, "ms"));
            rows.Add(new("warm click JIT CPU per click", warm.JitCpuPerClick, "ms"));
            rows.Add(new("allocated per click (in-process, all threads)", warm.AllocatedBytesPerClick, "B"));
        }

        foreach (var codec in results.Codec ?? [])
        {
            var name = $"{codec.Method} {codec.PayloadBytes} B";
            rows.Add(new($"{name} throughput", codec.BytesPerSecond / MiB, "MiB/s"));
            rows.Add(new($"{name} allocated", codec.AllocatedBytesPerOperation ?? -1, "B/op", "0 per byte", codec.AllocatedBytesPerOperation == 0));
        }

        if (results.Footprint is { } footprint)
        {
            rows.Add(new("bootstrap size", footprint.BootstrapBytes / MiB, "MiB", "< 15 MB", footprint.BootstrapBytes < 15_000_000));
            rows.Add(new("JIT publish folder size", footprint.JitPublishBytes / MiB, "MiB"));
            rows.Add(new("peak RSS, cold click AOT", footprint.AotPeakRss / MiB, "MiB", "< 40 MB", footprint.AotPeakRss < 40_000_000));
            rows.Add(new("peak RSS, cold click JIT", footprint.JitPeakRss / MiB, "MiB"));
        }

        return rows;
    }

    public static void Print(BenchResults results, BenchResults? previous, TextWriter output)
    {
        var before = previous is null ? new Dictionary<string, double>() : Rows(previous).ToDictionary(r => r.Measure, r => r.Value);
        var rows = Rows(results);
        var width = rows.Max(r => r.Measure.Length);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"measure".PadRight(width)}  {"value",12} {"unit",-6} {"target",-20} {"met",-4} {"previous",10}"));
        output.WriteLine(new string('-', width + 60));
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "NO", null => "" };
            var earlier = before.TryGetValue(row.Measure, out var value) ? Format(value) : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Measure.PadRight(width)}  {Format(row.Value),12} {row.Unit,-6} {row.Target ?? "",-20} {met,-4} {earlier,10}"));
        }

        var machine = results.Machine;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{machine.Os}, {machine.ProcessorCount} cores, {machine.Runtime}, load average {machine.LoadAverageAtStart:0.0} at start and {machine.LoadAverageAtEnd:0.0} at the end, commit {machine.Commit ?? "?"}"));
    }

    private static string Format(double value) => value switch
    {
        >= 1000 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
