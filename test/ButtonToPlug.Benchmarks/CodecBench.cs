using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Runs <see cref="CodecBenchmarks"/> with BenchmarkDotNet: in this process (no generated project to build on a busy
/// machine), a short job (3 warm-up and 8 measured iterations), allocations measured by the MemoryDiagnoser.
/// </summary>
internal static class CodecBench
{
    public static IReadOnlyList<CodecResult> Run()
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithId("short");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(Repository.Root, "artifacts", "bench", "BenchmarkDotNet"));
        var summary = BenchmarkRunner.Run<CodecBenchmarks>(config);

        var results = new List<CodecResult>();
        foreach (var report in summary.Reports)
        {
            if (report.ResultStatistics is not { } statistics)
            {
                Console.Error.WriteLine($"{report.BenchmarkCase.DisplayInfo} produced no result; left out of the table");
                continue;
            }

            var bytes = (int)report.BenchmarkCase.Parameters["PayloadBytes"];
            var median = statistics.Median;
            results.Add(new CodecResult(
                report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                bytes,
                median,
                bytes / (median / 1e9),
                report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)));
        }

        return results;
    }
}
