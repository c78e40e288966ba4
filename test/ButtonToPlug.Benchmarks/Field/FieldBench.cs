using ButtonToPlug.Testing.Latency;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// Cold clicks as the field sees them: SSM and the plug behind latency proxies, each contender a fresh process per run,
/// uncapped and then under Lambda's CPU share. Contenders take turns run by run so the machine's load falls on all alike;
/// one unmeasured click of each first brings their files into the page cache.
/// </summary>
internal sealed class FieldBench(FieldPeers peers, IReadOnlyList<Contender> contenders, TextWriter log)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, byte[]> events = [];

    public async Task<FieldCondition> RunAsync(string condition, bool capped, int runs)
    {
        var loadAtStart = MachineLoad.OneMinute();
        var groups = new Dictionary<string, CpuGroup?>();
        try
        {
            foreach (var name in contenders.Select(c => c.Group).Distinct())
            {
                groups[name] = CpuGroup.TryCreate(capped ? $"{name}-capped" : name, capped).Group;
                if (capped && groups[name] is null)
                {
                    throw new InvalidOperationException($"the cgroup of {name} could not be made");
                }
            }

            var samples = contenders.ToDictionary(c => c, _ => new List<Sample>());
            var ssmAnswers = new List<double>();
            var bare = contenders.Select(c => c.PlugRequestsAtLeast).Distinct().ToDictionary(r => r, _ => new List<double>());
            foreach (var contender in contenders)
            {
                await ColdClickAsync(contender, groups[contender.Group]);
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var contender in contenders)
                {
                    samples[contender].Add(await ColdClickAsync(contender, groups[contender.Group]));
                }

                ssmAnswers.Add(await peers.SsmAnswerAsync());
                foreach (var requests in bare.Keys)
                {
                    bare[requests].Add(await peers.BarePlugExchangeAsync(requests));
                }

                log.WriteLine($"{condition} {run + 1}/{runs}: "
                    + string.Join(", ", contenders.Select(c => $"{c.Label} {samples[c][^1].WallMs:0} ms")));
            }

            var ssmAnswer = TimingStats.Of(ssmAnswers).Median;
            var measuredFloors = bare.ToDictionary(pair => pair.Key,
                pair => (4 * FieldPeers.SsmOneWay.TotalMilliseconds) + ssmAnswer + TimingStats.Of(pair.Value).Median);
            return new FieldCondition(condition, loadAtStart, MachineLoad.OneMinute(), Outcomes(samples, measuredFloors));
        }
        finally
        {
            foreach (var group in groups.Values)
            {
                group?.Dispose();
            }
        }
    }

    private static List<FieldOutcome> Outcomes(Dictionary<Contender, List<Sample>> samples, Dictionary<int, double> measuredFloors)
    {
        var walls = samples.ToDictionary(pair => pair.Key, pair => TimingStats.Of(pair.Value.Select(s => s.WallMs).ToArray()));
        var outcomes = new List<FieldOutcome>();
        foreach (var (contender, taken) in samples)
        {
            var wall = walls[contender];
            var peerMedians = walls.Where(w => w.Key.IsPeer && w.Key.Click == contender.Click).Select(w => w.Value.Median).ToArray();
            var floor = FieldPeers.FloorMilliseconds(contender.PlugRequestsAtLeast);
            var measuredFloor = measuredFloors[contender.PlugRequestsAtLeast];
            outcomes.Add(new FieldOutcome(contender.Name, contender.Click, contender.IsPeer, wall,
                TimingStats.Of(taken.Select(s => s.CpuMs).ToArray()),
                new ProxyCounts((int)TimingStats.MedianOf(taken.Select(s => (long)s.Plug.Connections)), (int)TimingStats.MedianOf(taken.Select(s => (long)s.Plug.Requests))),
                new ProxyCounts((int)TimingStats.MedianOf(taken.Select(s => (long)s.Ssm.Connections)), (int)TimingStats.MedianOf(taken.Select(s => (long)s.Ssm.Requests))),
                floor, wall.Median - floor, measuredFloor, wall.Median - measuredFloor, peerMedians.Length == 0 ? null : wall.Median / peerMedians.Min(),
                new FieldPhases(Median(taken, s => s.Phases.StartToNext), Median(taken, s => s.Phases.NextToSsm),
                    Median(taken, s => s.Phases.SsmToPlug), Median(taken, s => s.Phases.PlugToPosted))));
        }

        return outcomes;
    }

    private static double Median(List<Sample> samples, Func<Sample, double> phase) => TimingStats.Of(samples.Select(phase).ToArray()).Median;

    /// <param name="group">The contender's cgroup; null where cgroups are not writable.</param>
    private async Task<Sample> ColdClickAsync(Contender contender, CpuGroup? group)
    {
        var api = peers.RuntimeApi;
        api.ForgetPolls();
        peers.Plug.TakeCounts();
        peers.Ssm.TakeCounts();
        peers.Plug.TakeFirstAcceptedAt();
        peers.Ssm.TakeFirstAcceptedAt();
        var invocation = api.Enqueue(await EventAsync(contender.EventFile));
        var start = contender.StartInfo();
        await using var process = group is null
            ? FunctionProcess.Start(start, peers.Environment)
            : await group.StartInsideAsync(() => FunctionProcess.Start(start, peers.Environment));
        try
        {
            if (await Task.WhenAny(invocation.Completed, process.WaitForExitAsync(Bound)) != invocation.Completed)
            {
                throw new InvalidOperationException("the process ended before it answered the click");
            }

            var postedAt = await invocation.Completed;
            var wall = Milliseconds.Between(process.StartedAt, postedAt);

            // The first poll fetched the click; the second means the click is over and the process is idle.
            var nextAt = await api.WaitForPollAsync(Bound);
            await api.WaitForPollAsync(Bound);
            var ssmAt = peers.Ssm.TakeFirstAcceptedAt() ?? throw new InvalidOperationException("the click did not reach SSM");
            var plugAt = peers.Plug.TakeFirstAcceptedAt() ?? throw new InvalidOperationException("the click did not reach the plug");
            var phases = new FieldPhases(Milliseconds.Between(process.StartedAt, nextAt), Milliseconds.Between(nextAt, ssmAt),
                Milliseconds.Between(ssmAt, plugAt), Milliseconds.Between(plugAt, postedAt));
            var sample = new Sample(wall, process.CpuMilliseconds(), peers.Plug.TakeCounts(), peers.Ssm.TakeCounts(), phases);
            api.RefuseNext();
            await process.WaitForExitAsync(Bound);
            return sample;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            throw new InvalidOperationException($"cold click of {contender.Label} failed: {e.Message}\n{process.Output}", e);
        }
    }

    private async Task<byte[]> EventAsync(string file)
    {
        if (!this.events.TryGetValue(file, out var bytes))
        {
            bytes = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "events", file));
            this.events[file] = bytes;
        }

        return bytes;
    }

    private sealed record Sample(double WallMs, double CpuMs, ProxyCounts Plug, ProxyCounts Ssm, FieldPhases Phases);
}
