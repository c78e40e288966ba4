using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

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
        var loadAtStart = LoadAverage();
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

        var results = new BenchResults(DateTimeOffset.UtcNow,
            new MachineFacts(RuntimeInformation.OSDescription, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription,
                loadAtStart, LoadAverage(), await CommitAsync()),
            cold, warm, codec, footprint);
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

    /// <summary>The one-minute load average: numbers taken on a busy machine say so in the results.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : -1;

    private static async Task<string?> CommitAsync()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var commit = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
