using System.Globalization;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>The field results as one plain table per condition, with the issue's targets under it.</summary>
internal static class FieldTable
{
    public static void Print(FieldResults results, TextWriter log)
    {
        var machine = results.Machine;
        log.WriteLine();
        log.WriteLine(Invariant($"field model: plug {results.PlugOneWayMs:0} ms away, SSM {results.SsmOneWayMs:0} ms away (each direction; handshake 3 D); ButtonToPlug told protocol={results.Protocol}"));
        log.WriteLine(Invariant($"{results.Runs} cold clicks per contender and condition; {machine.ProcessorCount} cores, load {machine.LoadAverageAtStart:0.00} -> {machine.LoadAverageAtEnd:0.00}, commit {machine.Commit}"));
        foreach (var condition in results.Conditions)
        {
            log.WriteLine();
            log.WriteLine(Invariant($"== {condition.Name} (load {condition.LoadAtStart:0.00} -> {condition.LoadAtEnd:0.00})"));
            log.WriteLine($"{"contender",-34} {"click",-16} {"median",8} {"p90",8} {"/best peer",10} {"floor",7} {"over",7} {"measured floor",14} {"over",7} {"CPU ms",8} {"plug conn/req",13} {"SSM conn/req",12}");
            foreach (var o in condition.Outcomes)
            {
                var ratio = o.ToBestPeer is { } r ? Invariant($"{r:0.000}") : "-";
                log.WriteLine(Invariant($"{o.Contender,-34} {o.Click,-16} {o.Wall.Median,8:0.0} {o.Wall.P90,8:0.0} {ratio,10} {o.FloorMs,7:0} {o.OverFloorMs,7:0.0} {o.MeasuredFloorMs,14:0.0} {o.OverMeasuredFloorMs,7:0.0} {o.Cpu.Median,8:0.0} {o.Plug,13} {o.Ssm,12}"));
            }

            log.WriteLine($"{"where it goes (medians, ms)",-34} {"click",-16} {"start->next",12} {"next->SSM",10} {"SSM->plug",10} {"plug->posted",12}");
            foreach (var o in condition.Outcomes)
            {
                var p = o.Phases;
                log.WriteLine(Invariant($"{o.Contender,-34} {o.Click,-16} {p.StartToNext,12:0.0} {p.NextToSsm,10:0.0} {p.SsmToPlug,10:0.0} {p.PlugToPosted,12:0.0}"));
            }
        }

        log.WriteLine();
        foreach (var line in Targets(results))
        {
            log.WriteLine(line);
        }

        if (results.CapNote is { } note)
        {
            log.WriteLine(note);
        }
    }

    private static IEnumerable<string> Targets(FieldResults results)
    {
        var uncapped = results.Conditions[0].Outcomes.Where(o => !o.IsPeer).ToArray();
        foreach (var o in uncapped)
        {
            var minimum = o.Click.Contains("toggle", StringComparison.Ordinal) ? "1/2" : "1/1";
            yield return Verdict($"{o.Click}: plug at the minimum {minimum}", o.Plug.ToString(), o.Plug.ToString() == minimum);
            // Ours is what a click takes beyond what a client that cost nothing would: the measured floor, which adds
            // moto_server's and the simulator's own answer times to the model's network. Both are printed.
            yield return Verdict(Invariant($"{o.Click}: uncapped overhead over the floor <= 15 ms"),
                Invariant($"{o.OverMeasuredFloorMs:0.0} ms over the measured floor ({o.OverFloorMs:0.0} ms over the model's network alone)"), o.OverMeasuredFloorMs <= 15);
        }

        if (results.Conditions.Count > 1
            && results.Conditions[1].Outcomes.FirstOrDefault(o => !o.IsPeer && o.Click.StartsWith("double", StringComparison.Ordinal)) is { ToBestPeer: { } ratio })
        {
            yield return Verdict("capped cold double click <= 0.12 x the best peer", Invariant($"{ratio:0.000}"), ratio <= 0.12);
        }
    }

    private static string Verdict(string target, string measured, bool met) => $"target {target}: {measured} {(met ? "met" : "NOT met")}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
