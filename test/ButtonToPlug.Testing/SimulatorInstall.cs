using System.Diagnostics;

namespace ButtonToPlug.Testing;

/// <summary>
/// Finds test/simulator in the repository and runs `npm ci` there when node_modules is missing, so a plain
/// `dotnet test` works on a fresh clone. Test processes run in parallel; a machine-wide mutex lets one of them install.
/// </summary>
internal static class SimulatorInstall
{
    private static readonly Lazy<string> Directory = new(Install);

    /// <returns>The absolute path of test/simulator, with its packages installed.</returns>
    public static string EnsureInstalled() => Directory.Value;

    private static string Install()
    {
        var simulator = RepositoryRoot.PathOf("test/simulator");
        using var mutex = new Mutex(initiallyOwned: false, @"Global\ButtonToPlug.SimulatorInstall");
        if (!Acquire(mutex))
        {
            throw new InvalidOperationException("another test process has been installing the simulator for 10 minutes");
        }

        try
        {
            if (!IsInstalled(simulator))
            {
                RunNpmCi(simulator);
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }

        return simulator;
    }

    private static bool Acquire(Mutex mutex)
    {
        try
        {
            return mutex.WaitOne(TimeSpan.FromMinutes(10));
        }
        catch (AbandonedMutexException)
        {
            // A test process died while it held the lock; this one owns it now, and the install check below still holds.
            return true;
        }
    }

    // npm writes node_modules/.package-lock.json last, so its presence means a finished install.
    private static bool IsInstalled(string simulator) =>
        File.Exists(Path.Combine(simulator, "node_modules", ".package-lock.json"))
        && File.Exists(Path.Combine(simulator, "node_modules", "tplink-smarthome-simulator", "package.json"));

    private static void RunNpmCi(string simulator)
    {
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--prefix", simulator, "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Tools.Missing(Tools.Npm) is { } missing
            ? throw new InvalidOperationException($"test/simulator has no packages and cannot get them, missing {missing}")
            : Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException("npm ci in test/simulator did not finish within 5 minutes");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in test/simulator failed ({npm.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
