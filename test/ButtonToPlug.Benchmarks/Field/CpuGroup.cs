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
    /// Starts a process that is in the group from its first instruction without moving it there: a thread of the harness
    /// moves itself into the group (cgroup v1 moves single threads through <c>tasks</c>), starts the process (a child is
    /// born in the group of the thread that forks it) and ends. The caller stamps the start inside <paramref name="start"/>.
    /// </summary>
    /// <remarks>
    /// Moving a task costs the kernel an RCU grace period: stamps around <c>echo $$ &gt; cgroup.procs</c> in a <c>sh</c> started
    /// for the purpose measured 15–17 ms in this harness (test/ButtonToPlug.Benchmarks/README.md), time a cold click would
    /// have been charged although Lambda spends it on nothing of the sort. Here the move happens before the start is stamped, and the process is never moved at all.
    /// </remarks>
    public Task<T> StartInsideAsync<T>(Func<T> start)
    {
        var started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spawner = new Thread(() =>
        {
            try
            {
                Write(this.group, "tasks", CurrentThreadId());
                started.SetResult(start());
            }
#pragma warning disable CA1031 // Whatever went wrong is the caller's to see, on the task it awaits.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                started.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "cgroup spawner",
        };
        spawner.Start();
        return started.Task;
    }

    /// <summary>Moves this process (all its threads, and the children it starts from now on) into the group.</summary>
    public void Join() => Write(this.group, "cgroup.procs", Environment.ProcessId);

    /// <summary>Moves this process back to the root group, so that the group can be removed.</summary>
    public static void Leave() => Write(Controller, "cgroup.procs", Environment.ProcessId);

    public void Dispose() => TryRemove(this.group);

    /// <summary>The kernel's id of the calling thread: /proc/thread-self links to <c>PID/task/TID</c>.</summary>
    private static int CurrentThreadId() =>
        int.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").LinkTarget!), CultureInfo.InvariantCulture);

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
