using System.Diagnostics;
using System.Globalization;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// A cgroup v1 <c>cpu</c> group. Lambda gives a function its own share of a CPU, so every group here has the highest
/// weight (<c>cpu.shares</c>): what else runs on a shared machine does not take the contender's CPU, and wall times stay
/// close to an idle machine's. A capped group also gets Lambda's share at 256 MB, 256/1769 ≈ 14.5% of one vCPU: 14.5 ms
/// of CPU per 100 ms period. Removed on dispose.
/// </summary>
internal sealed class CpuGroup : IDisposable
{
    public const int QuotaMicroseconds = 14_500;
    public const int PeriodMicroseconds = 100_000;

    /// <summary>The highest weight cgroup v1 accepts; the default is 1024.</summary>
    private const int Shares = 262_144;

    private const string Controller = "/sys/fs/cgroup/cpu";

    private readonly string group;

    private CpuGroup(string group) => this.group = group;

    /// <summary>The share of one CPU a capped group may use.</summary>
    public static double Share => (double)QuotaMicroseconds / PeriodMicroseconds;

    /// <returns>The group, or null with the reason when this machine has no writable cgroup v1 <c>cpu</c> controller.</returns>
    public static (CpuGroup? Group, string? Unavailable) TryCreate(string name, bool capped)
    {
        var group = Path.Combine(Controller, $"buttontoplug-bench-{Environment.ProcessId}-{name}");
        try
        {
            Directory.CreateDirectory(group);
            Write(group, "cpu.shares", Shares);
            if (capped)
            {
                Write(group, "cpu.cfs_period_us", PeriodMicroseconds);
                Write(group, "cpu.cfs_quota_us", QuotaMicroseconds);
            }

            return (new CpuGroup(group), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryRemove(group);
            return (null, $"no writable cgroup v1 cpu controller at {Controller} ({exception.Message}): the capped runs are skipped and the machine's load falls on every process");
        }
    }

    /// <summary>
    /// Starts through a <c>sh</c> that puts itself into the group and then becomes the contender (<c>exec</c>), so the
    /// contender runs in the group from its first instruction and keeps the pid the harness reads its CPU time from.
    /// </summary>
    public ProcessStartInfo Inside(ProcessStartInfo start)
    {
        var shell = new ProcessStartInfo("/bin/sh") { WorkingDirectory = start.WorkingDirectory };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add($"echo $$ > '{Path.Combine(this.group, "cgroup.procs")}' && exec \"$@\"");
        shell.ArgumentList.Add("sh");
        shell.ArgumentList.Add(start.FileName);
        foreach (var argument in start.ArgumentList)
        {
            shell.ArgumentList.Add(argument);
        }

        return shell;
    }

    /// <summary>Moves this process (all its threads, and the children it starts from now on) into the group.</summary>
    public void Join() => Write(this.group, "cgroup.procs", Environment.ProcessId);

    /// <summary>Moves this process back to the root group, so that the group can be removed.</summary>
    public static void Leave() => Write(Controller, "cgroup.procs", Environment.ProcessId);

    public void Dispose() => TryRemove(this.group);

    private static void Write(string group, string file, int value) =>
        File.WriteAllText(Path.Combine(group, file), value.ToString(CultureInfo.InvariantCulture));

    private static void TryRemove(string group)
    {
        try
        {
            if (Directory.Exists(group))
            {
                // rmdir of a cgroup: its files are the kernel's and go with it; it must hold no process by now.
                Directory.Delete(group);
            }
        }
        catch (IOException)
        {
            // A group that still holds an exiting process is left behind; the next run's groups have other names.
        }
    }
}
