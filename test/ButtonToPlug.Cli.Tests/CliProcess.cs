using System.Diagnostics;
using System.Text;

namespace ButtonToPlug.Cli.Tests;

/// <summary>Runs the built CLI (`dotnet ButtonToPlug.Cli.dll …`, the program behind `buttontoplug`) as its own process.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ButtonToPlug.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
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
            throw new TimeoutException($"buttontoplug {string.Join(' ', args)} did not exit within {Limit}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
