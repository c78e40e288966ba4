using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ButtonToPlug.Benchmarks;

/// <summary>Where and under what load the numbers were taken.</summary>
internal sealed record MachineFacts(string Os, int ProcessorCount, string Runtime, double LoadAverageAtStart, double LoadAverageAtEnd, string? Commit)
{
    /// <summary>This machine now, with the load it had when the run began.</summary>
    public static async Task<MachineFacts> TakeAsync(double loadAtStart) =>
        new(RuntimeInformation.OSDescription, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription,
            loadAtStart, MachineLoad.OneMinute(), await CommitAsync());

    private static async Task<string?> CommitAsync()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var commit = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
