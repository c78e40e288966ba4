using System.Globalization;
using System.Text.Json;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// The <c>field</c> sub-command: uncapped, then capped where cgroups allow; the table printed, the numbers written to
/// <c>field.json</c> beside the other results.
/// </summary>
internal static class FieldRun
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var loadAtStart = MachineLoad.OneMinute();
        var contenders = await FieldContenders.PrepareAsync(log);

        // The harness, its proxies and the peers it starts (moto_server, the simulated plug) get the CPU first too: a
        // proxy that is late on a busy machine would add its lateness to every click.
        var (harness, capNote) = CpuGroup.TryCreate("harness", capped: false);
        if (capNote is not null)
        {
            log.WriteLine(capNote);
        }

        harness?.Join();
        var conditions = new List<FieldCondition>();
        try
        {
            await using var peers = await FieldPeers.StartAsync(options.Protocol);
            var bench = new FieldBench(peers, contenders, log);
            conditions.Add(await bench.RunAsync("uncapped", capped: false, options.Runs));
            if (harness is not null)
            {
                var share = string.Create(CultureInfo.InvariantCulture, $"{CpuGroup.Share:P1}");
                conditions.Add(await bench.RunAsync(
                    $"capped at {share} of one CPU (cgroup cpu.cfs_quota_us {CpuGroup.QuotaMicroseconds}/{CpuGroup.PeriodMicroseconds})", capped: true, options.Runs));
            }
        }
        finally
        {
            if (harness is not null)
            {
                CpuGroup.Leave();
                harness.Dispose();
            }
        }

        var results = new FieldResults(DateTimeOffset.UtcNow, await MachineFacts.TakeAsync(loadAtStart),
            FieldPeers.PlugOneWay.TotalMilliseconds, FieldPeers.SsmOneWay.TotalMilliseconds, options.Runs, options.Protocol, conditions, capNote);
        var output = Path.Combine(Path.GetDirectoryName(options.Output)!, "field.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllBytesAsync(output, JsonSerializer.SerializeToUtf8Bytes(results, FieldJsonContext.Default.FieldResults));
        FieldTable.Print(results, log);
        log.WriteLine($"written to {Path.GetRelativePath(Environment.CurrentDirectory, output)}");
        return 0;
    }
}
