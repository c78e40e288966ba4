using System.Diagnostics;
using System.Text;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// One published build running as its own process, as Lambda starts it: environment in, stdout and stderr collected
/// line by line so tests can wait for a line or for the exit, each with a bound.
/// </summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    // Only what a process needs to start; nothing from the test host (AWS credentials, a trace id) leaks through.
    private static readonly string[] InheritedVariables = ["PATH", "HOME", "DOTNET_ROOT"];

    private readonly Process process;
    private readonly List<string> lines = [];
    private TaskCompletionSource moreOutput = NewSignal();

    private FunctionProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public FunctionBuild Build { get; private init; }

    public int Id => this.process.Id;

    public bool HasExited => this.process.HasExited;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved as received.</summary>
    public string Output
    {
        get
        {
            lock (this.lines)
            {
                return string.Join('\n', this.lines);
            }
        }
    }

    /// <summary>
    /// Starts the build with only the variables given (plus PATH and HOME): nothing from the test host's own
    /// environment, such as AWS credentials or a trace id, can leak into what the function sees.
    /// </summary>
    public static async Task<FunctionProcess> StartAsync(FunctionBuild build, IReadOnlyDictionary<string, string> environment)
    {
        var start = await PublishedFunction.StartInfoAsync(build);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.WorkingDirectory = Path.GetDirectoryName(PublishedFunction.EntryPath(build));
        var inherited = InheritedVariables
            .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
            .Where(v => v.value is not null)
            .ToList();
        start.Environment.Clear();
        foreach (var (name, value) in inherited)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{build} did not start");
        return new FunctionProcess(process) { Build = build };
    }

    public async Task<int> WaitForExitAsync(TimeSpan bound)
    {
        try
        {
            await this.process.WaitForExitAsync().WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Build} still running after {bound.TotalSeconds} s. Output:\n{Output}");
        }

        // The exit may come before the last lines are read; WaitForExit() without a timeout drains them.
        this.process.WaitForExit();
        return this.process.ExitCode;
    }

    /// <summary>Waits for a line of output that satisfies the condition; returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> condition, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (true)
        {
            Task more;
            lock (this.lines)
            {
                if (this.lines.FirstOrDefault(condition) is { } line)
                {
                    return line;
                }

                more = this.moreOutput.Task;
            }

            try
            {
                await more.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching line from {Build} within {bound.TotalSeconds} s. Output:\n{Output}");
            }
        }
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        TaskCompletionSource signal;
        lock (this.lines)
        {
            this.lines.Add(line);
            signal = this.moreOutput;
            this.moreOutput = NewSignal();
        }

        signal.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
