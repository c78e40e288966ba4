using System.Diagnostics;
using System.Text;

namespace ButtonToPlug.Testing;

/// <summary>
/// Runs the built CLI (<c>dotnet ButtonToPlug.Cli.dll …</c>, the program behind <c>buttontoplug</c>) as its own process,
/// as a user does. The DLL is the one copied next to the calling test assembly by its project reference.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static Task<CliResult> RunAsync(params string[] arguments) => RunWithEnvironmentAsync(null, arguments);

    /// <param name="environment">Variables to set for the child; a null value removes the variable.</param>
    public static async Task<CliResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return await RunAsync(environment, stdoutFile: null, arguments);
    }

    /// <summary>As <see cref="RunAsync(string[])"/> with stdout sent to a file (such as <c>/dev/full</c>) by the shell, as a user's redirect does.</summary>
    public static Task<CliResult> RunWithStdoutToAsync(string stdoutFile, params string[] arguments) =>
        RunAsync(null, stdoutFile, arguments);

    private static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, string? stdoutFile, string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(stdoutFile is null ? dotnet : "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        if (stdoutFile is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("out=\"$1\"; shift; exec \"$@\" > \"$out\"");
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(stdoutFile);
            start.ArgumentList.Add(dotnet);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ButtonToPlug.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"buttontoplug {string.Join(' ', arguments)} did not exit within {Limit}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
