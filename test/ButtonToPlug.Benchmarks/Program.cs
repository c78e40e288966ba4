using System.Text.Json;
using ButtonToPlug.Benchmarks.Field;

namespace ButtonToPlug.Benchmarks;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (BenchOptions.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }

        var log = Console.Out;
        if (options.Command == "field")
        {
            // The field model has its own peers, contenders and results file; `all` stays the loopback set.
            return await FieldRun.RunAsync(options, log);
        }

        var loadAtStart = MachineLoad.OneMinute();
        var clickEvent = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "events", "single-click.json"));
        ColdStartResults? cold = null;
        WarmClickResults? warm = null;
        IReadOnlyList<CodecResult>? codec = null;
        FootprintResults? footprint = null;

        if (options.Includes("cold") || options.Includes("warm") || options.Includes("footprint"))
        {
            await PublishedBuilds.EnsureAsync(FunctionBuild.Aot, log);
            await PublishedBuilds.EnsureAsync(FunctionBuild.Jit, log);
            await using var peers = await BenchPeers.StartAsync();
            if (options.Includes("cold") || options.Includes("footprint"))
            {
                // Footprint alone needs only a few cold clicks for their peak RSS.
                var runs = options.Includes("cold") ? options.Runs : Math.Min(options.Runs, 5);
                cold = await new ColdStartBench(peers, clickEvent, log).RunAsync(runs);
                footprint = FootprintBench.Measure(cold.AotPeakRssMedian, cold.JitPeakRssMedian);
                if (!options.Includes("cold"))
                {
                    cold = null;
                }
            }

            if (options.Includes("warm"))
            {
                warm = await new WarmClickBench(peers, clickEvent, log).RunAsync(options.Clicks);
            }
        }

        if (options.Includes("codec"))
        {
            codec = CodecBench.Run();
        }

        var results = new BenchResults(DateTimeOffset.UtcNow, await MachineFacts.TakeAsync(loadAtStart), cold, warm, codec, footprint);
        var previous = await PreviousAsync(options.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        if (previous is not null)
        {
            File.Copy(options.Output, Path.ChangeExtension(options.Output, ".previous.json"), overwrite: true);
        }

        await File.WriteAllBytesAsync(options.Output, JsonSerializer.SerializeToUtf8Bytes(results, BenchJsonContext.Default.BenchResults));
        ResultsTable.Print(results, previous, log);
        log.WriteLine($"written to {Path.GetRelativePath(Environment.CurrentDirectory, options.Output)}");
        return 0;
    }

    /// <summary>The last run's results, for the table's last column; none when there is no file or it is not readable.</summary>
    private static async Task<BenchResults?> PreviousAsync(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize(await File.ReadAllBytesAsync(file), BenchJsonContext.Default.BenchResults) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
