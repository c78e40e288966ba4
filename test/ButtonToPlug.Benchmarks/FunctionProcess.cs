using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// One published build running as Lambda starts it: only the given environment (plus PATH, HOME, DOTNET_ROOT), output
/// drained in the background (kept for diagnostics), and the moment of <see cref="Process.Start()"/> stamped.
/// </summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    private static readonly string[] InheritedVariables = ["PATH", "HOME", "DOTNET_ROOT"];

    private readonly Process process;
    private readonly StringBuilder output = new();

    private FunctionProcess(Process process, long startedAt)
    {
        this.process = process;
        StartedAt = startedAt;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public string Output
    {
        get
        {
            lock (this.output)
            {
                return this.output.ToString();
            }
        }
    }

    public static FunctionProcess Start(FunctionBuild build, IReadOnlyDictionary<string, string> environment) =>
        Start(PublishedBuilds.StartInfo(build), environment);

    /// <summary>Any runtime (the field benchmark's peers too), started with only <paramref name="environment"/> and the inherited basics.</summary>
    public static FunctionProcess Start(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Clear();
        foreach (var name in InheritedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        return new FunctionProcess(process, startedAt);
    }

    /// <summary>The peak resident set size so far (VmHWM in /proc/PID/status), in bytes.</summary>
    public long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{this.process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmHWM in /proc/{this.process.Id}/status");
    }

    /// <summary>
    /// CPU time the process has used so far, summed over its threads from /proc/PID/task/*/schedstat (nanoseconds, unlike
    /// the 10 ms ticks of /proc/PID/stat). Unlike wall time it hardly depends on what else the machine is doing.
    /// </summary>
    public double CpuMilliseconds()
    {
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{this.process.Id}/task"))
        {
            try
            {
                nanoseconds += long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // A thread that ended between the listing and the read: its time is lost, and it was idle anyway.
            }
        }

        return nanoseconds / 1e6;
    }

    public async Task<int> WaitForExitAsync(TimeSpan bound)
    {
        await this.process.WaitForExitAsync().WaitAsync(bound);
        return this.process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        this.process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (this.output)
        {
            // The first lines say why a run failed; a long warm run must not grow this without end.
            if (this.output.Length < 64 * 1024)
            {
                this.output.AppendLine(line);
            }
        }
    }
}
