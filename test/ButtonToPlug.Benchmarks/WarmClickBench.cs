using System.Text;
using ButtonToPlug.Kasa;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Warm clicks, settings cache warm, one after another:
/// <list type="bullet">
/// <item>through each running build, timed at the Runtime API from the event handed out to the response posted;</item>
/// <item>in this process through <see cref="Function.HandleAsync"/>, where the bytes allocated by all threads are counted
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/> around the loop: the socket completions run on pool threads);</item>
/// <item>the plug exchange alone (connect, get_sysinfo, set_relay_state over the bare transport), so the time the simulated
/// plug itself takes can be subtracted: overhead = click − plug exchange.</item>
/// </list>
/// </summary>
internal sealed class WarmClickBench(BenchPeers peers, byte[] clickEvent, TextWriter log)
{
    private const int WarmUpClicks = 200;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public async Task<WarmClickResults> RunAsync(int clicks)
    {
        var plug = await PlugExchangeAsync(clicks);
        log.WriteLine($"warm click: plug exchange alone, median {plug.Times.Median:0.000} ms");
        var inProcess = await InProcessAsync(clicks);
        log.WriteLine($"warm click: in process, median {inProcess.Times.Median:0.000} ms, {inProcess.BytesPerClick} B allocated per click");
        var aot = await ThroughProcessAsync(FunctionBuild.Aot, clicks);
        log.WriteLine($"warm click: AOT process, median {aot.Median:0.000} ms");
        var jit = await ThroughProcessAsync(FunctionBuild.Jit, clicks);
        log.WriteLine($"warm click: JIT process, median {jit.Median:0.000} ms");
        return new WarmClickResults(aot, jit, inProcess.Times, plug.Times,
            aot.Median - plug.Times.Median, inProcess.Times.Median - plug.Times.Median,
            inProcess.BytesPerClick, plug.BytesPerClick);
    }

    private async Task<TimingStats> ThroughProcessAsync(FunctionBuild build, int clicks)
    {
        var api = peers.RuntimeApi;
        await using var process = FunctionProcess.Start(build, peers.FunctionEnvironment);
        var times = new List<double>(clicks);
        try
        {
            for (var click = 0; click < WarmUpClicks + clicks; click++)
            {
                var invocation = api.Enqueue(clickEvent);
                var postedAt = await invocation.Completed.WaitAsync(Bound);
                if (click >= WarmUpClicks)
                {
                    times.Add(Milliseconds.Between(invocation.HandedOutAt, postedAt));
                }
            }

            api.RefuseNext();
            await process.WaitForExitAsync(Bound);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"warm {build} clicks failed: {e.Message}\n{process.Output}", e);
        }

        return TimingStats.Of(times);
    }

    private async Task<(TimingStats Times, long BytesPerClick)> InProcessAsync(int clicks)
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

        return await MeasureAsync(clicks, () => function.HandleAsync(clickEvent, context, CancellationToken.None));
    }

    private async Task<(TimingStats Times, long BytesPerClick)> PlugExchangeAsync(int clicks)
    {
        var endpoint = new KasaEndpoint(SimulatedPlugs.Host, peers.PlugPort);
        var read = Encoding.UTF8.GetBytes("{\"system\":{\"get_sysinfo\":{}}}");
        var set = Encoding.UTF8.GetBytes("{\"system\":{\"set_relay_state\":{\"state\":1}}}");
        async Task<byte[]> ExchangeAsync()
        {
            await using var transport = new XorTcpTransport(endpoint, TimeSpan.FromSeconds(3));
            await transport.SendAsync(read, CancellationToken.None);
            return await transport.SendAsync(set, CancellationToken.None);
        }

        for (var click = 0; click < WarmUpClicks; click++)
        {
            await ExchangeAsync();
        }

        return await MeasureAsync(clicks, ExchangeAsync);
    }

    private static async Task<(TimingStats Times, long BytesPerClick)> MeasureAsync(int clicks, Func<Task<byte[]>> click)
    {
        var times = new double[clicks];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < clicks; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await click();
            times[i] = Milliseconds.Since(start);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (TimingStats.Of(times), allocated / clicks);
    }
}
