using System.Diagnostics;
using System.Text;
using ButtonToPlug.Kasa;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Warm clicks, settings cache warm, one after another:
/// <list type="bullet">
/// <item>through each running build, timed at the Runtime API from the event handed out to the response posted, with the
/// CPU time the process spent per click;</item>
/// <item>in this process through <see cref="Function.HandleAsync"/>, where the bytes allocated by all threads are counted
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/> around each click: the socket completions run on pool threads).</item>
/// </list>
/// Right after every click the harness does the plug exchange alone (connect, get_sysinfo, set_relay_state over the bare
/// transport). Overhead is the median of the per-click differences: pairs taken moments apart see the same load, so the
/// simulated plug's own time (a node process) cancels out even while the machine is busy.
/// </summary>
internal sealed class WarmClickBench(BenchPeers peers, byte[] clickEvent, TextWriter log)
{
    private const int WarmUpClicks = 200;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly byte[] ReadRequest = Encoding.UTF8.GetBytes("{\"system\":{\"get_sysinfo\":{}}}");
    private static readonly byte[] SetRequest = Encoding.UTF8.GetBytes("{\"system\":{\"set_relay_state\":{\"state\":1}}}");

    public async Task<WarmClickResults> RunAsync(int clicks)
    {
        var inProcess = await InProcessAsync(clicks);
        log.WriteLine($"warm click in process: median {inProcess.Clicks.Median:0.000} ms, overhead {inProcess.Overhead.Median:0.000} ms, {inProcess.BytesPerClick} B per click");
        var aot = await ThroughProcessAsync(FunctionBuild.Aot, clicks);
        log.WriteLine($"warm click AOT: median {aot.Clicks.Median:0.000} ms, overhead {aot.Overhead.Median:0.000} ms, {aot.CpuPerClick:0.000} ms CPU per click");
        var jit = await ThroughProcessAsync(FunctionBuild.Jit, clicks);
        log.WriteLine($"warm click JIT: median {jit.Clicks.Median:0.000} ms, overhead {jit.Overhead.Median:0.000} ms, {jit.CpuPerClick:0.000} ms CPU per click");
        return new WarmClickResults(aot.Clicks, jit.Clicks, inProcess.Clicks, aot.Plug,
            aot.Overhead, jit.Overhead, inProcess.Overhead, aot.CpuPerClick, jit.CpuPerClick, inProcess.BytesPerClick);
    }

    private async Task<(TimingStats Clicks, TimingStats Plug, TimingStats Overhead, double CpuPerClick)> ThroughProcessAsync(FunctionBuild build, int clicks)
    {
        var api = peers.RuntimeApi;
        await using var process = FunctionProcess.Start(build, peers.FunctionEnvironment);
        var times = new List<double>(clicks);
        var plug = new List<double>(clicks);
        var overhead = new List<double>(clicks);
        double cpu;
        try
        {
            for (var click = 0; click < WarmUpClicks; click++)
            {
                await api.Enqueue(clickEvent).Completed.WaitAsync(Bound);
            }

            var cpuBefore = process.CpuMilliseconds();
            for (var click = 0; click < clicks; click++)
            {
                var invocation = api.Enqueue(clickEvent);
                var postedAt = await invocation.Completed.WaitAsync(Bound);
                times.Add(Milliseconds.Between(invocation.HandedOutAt, postedAt));
                plug.Add(await PlugExchangeAsync());
                overhead.Add(times[^1] - plug[^1]);
            }

            // The process is parked on next again once the last response is in, so its CPU time is settled.
            cpu = (process.CpuMilliseconds() - cpuBefore) / clicks;
            api.RefuseNext();
            await process.WaitForExitAsync(Bound);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"warm {build} clicks failed: {e.Message}\n{process.Output}", e);
        }

        return (TimingStats.Of(times), TimingStats.Of(plug), TimingStats.Of(overhead), cpu);
    }

    private async Task<(TimingStats Clicks, TimingStats Overhead, long BytesPerClick)> InProcessAsync(int clicks)
    {
        foreach (var (name, value) in peers.FunctionEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var function = Function.FromEnvironment(TextWriter.Null);
        var context = new InvocationContext("warm", DateTimeOffset.UtcNow.AddHours(1), null);
        for (var click = 0; click < WarmUpClicks; click++)
        {
            await function.HandleAsync(clickEvent, context, CancellationToken.None);
        }

        var times = new List<double>(clicks);
        var overhead = new List<double>(clicks);
        long allocated = 0;
        for (var click = 0; click < clicks; click++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var start = Stopwatch.GetTimestamp();
            await function.HandleAsync(clickEvent, context, CancellationToken.None);
            times.Add(Milliseconds.Since(start));
            allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            overhead.Add(times[^1] - await PlugExchangeAsync());
        }

        return (TimingStats.Of(times), TimingStats.Of(overhead), allocated / clicks);
    }

    /// <summary>What a toggle asks of the plug, without the function: a fresh connection, two requests.</summary>
    private async Task<double> PlugExchangeAsync()
    {
        var start = Stopwatch.GetTimestamp();
        await using var transport = new XorTcpTransport(new KasaEndpoint(SimulatedPlugs.Host, peers.PlugPort), TimeSpan.FromSeconds(3));
        await transport.SendAsync(ReadRequest, CancellationToken.None);
        await transport.SendAsync(SetRequest, CancellationToken.None);
        return Milliseconds.Since(start);
    }
}
