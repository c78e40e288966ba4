using System.Diagnostics;

namespace ButtonToPlug.Testing;

/// <summary>The programs beyond the .NET SDK that some tests run, and how to install each (as scripts/preflight says it).</summary>
public static class Tools
{
    public const string Node = "node";
    public const string Npm = "npm";
    public const string Aws = "aws";
    public const string Moto = "moto";

    private const string PipLine = "python3 -m pip install -r requirements.txt";

    private static readonly Lazy<bool> MotoImports = new(() => Succeeds("python3", "-c", "import moto.server"));

    /// <returns>Null when the tool is there; otherwise what it is and how to install it.</returns>
    public static string? Missing(string tool) => tool switch
    {
        Node => OnPath(Node) ? null : "node (the simulated plug): apt-get install nodejs npm",
        Npm => OnPath(Npm) ? null : "npm (the simulated plug's packages): apt-get install npm",
        Aws => OnPath(Aws) ? null : $"the AWS CLI (aws): {PipLine}",
        Moto => MotoImports.Value ? null : $"moto in python3 (moto_server): {PipLine}",
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "not a tool this class knows"),
    };

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    private static bool Succeeds(string program, params string[] arguments)
    {
        if (!OnPath(program))
        {
            return false;
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        return process.ExitCode == 0;
    }
}
