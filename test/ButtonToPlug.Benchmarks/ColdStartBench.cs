namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Cold start: a fresh process per run, from <c>Process.Start</c> to its first response arriving at the Runtime API
/// (settings read from moto_server, the plug switched). The builds alternate run by run so that load on the machine
/// falls on both alike; one unmeasured run of each first brings the files into the page cache.
/// Peak RSS and the CPU time used are read from /proc while the process, its click answered, waits on <c>next</c> again; then it is told to exit.
/// </summary>
internal sealed class ColdStartBench(BenchPeers peers, byte[] clickEvent, TextWriter log)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public async Task<ColdStartResults> RunAsync(int runs)
    {
        FunctionBuild[] builds = [FunctionBuild.Aot, FunctionBuild.Jit];
        var times = builds.ToDictionary(b => b, _ => new List<double>());
        var peaks = builds.ToDictionary(b => b, _ => new List<long>());
        var cpu = builds.ToDictionary(b => b, _ => new List<double>());
        foreach (var build in builds)
        {
            await ColdClickAsync(build);
        }

        for (var run = 0; run < runs; run++)
        {
            foreach (var build in builds)
            {
                var (milliseconds, peak, cpuMilliseconds) = await ColdClickAsync(build);
                times[build].Add(milliseconds);
                peaks[build].Add(peak);
                cpu[build].Add(cpuMilliseconds);
            }

            log.WriteLine($"cold start {run + 1}/{runs}: AOT {times[FunctionBuild.Aot][^1],7:0.0} ms ({cpu[FunctionBuild.Aot][^1]:0.0} ms CPU), "
                + $"JIT {times[FunctionBuild.Jit][^1],7:0.0} ms ({cpu[FunctionBuild.Jit][^1]:0.0} ms CPU)");
        }

        var ssm = new List<double>();
        for (var call = 0; call < runs; call++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await peers.Ssm.Client.GetParametersByPathAsync(new() { Path = BenchPeers.ParameterPath, WithDecryption = true });
            ssm.Add(Milliseconds.Since(start));
        }

        var aot = TimingStats.Of(times[FunctionBuild.Aot]);
        var jit = TimingStats.Of(times[FunctionBuild.Jit]);
        return new ColdStartResults(aot, jit, aot.Median / jit.Median, jit.Median / aot.Median,
            TimingStats.Of(cpu[FunctionBuild.Aot]), TimingStats.Of(cpu[FunctionBuild.Jit]),
            TimingStats.MedianOf(peaks[FunctionBuild.Aot]), TimingStats.MedianOf(peaks[FunctionBuild.Jit]), TimingStats.Of(ssm));
    }

    private async Task<(double Milliseconds, long PeakRss, double CpuMilliseconds)> ColdClickAsync(FunctionBuild build)
    {
        var api = peers.RuntimeApi;
        api.ForgetPolls();
        var invocation = api.Enqueue(clickEvent);
        await using var process = FunctionProcess.Start(build, peers.FunctionEnvironment);
        try
        {
            var postedAt = await invocation.Completed.WaitAsync(Bound);
            var milliseconds = Milliseconds.Between(process.StartedAt, postedAt);

            // The first poll fetched the click; the second means the click is over and the process is idle.
            await api.WaitForPollAsync(Bound);
            await api.WaitForPollAsync(Bound);
            var peak = process.PeakResidentBytes();
            var cpu = process.CpuMilliseconds();
            api.RefuseNext();
            await process.WaitForExitAsync(Bound);
            return (milliseconds, peak, cpu);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            throw new InvalidOperationException($"cold {build} click failed: {e.Message}\n{process.Output}", e);
        }
    }
}
