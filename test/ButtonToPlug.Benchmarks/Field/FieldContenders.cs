using System.Diagnostics;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// ButtonToPlug's Native AOT <c>bootstrap</c> (a double click, <c>on</c>, and a single click, <c>toggle</c>) and the two
/// peers under <c>peers/</c>, which do what a double click does: <c>GetParametersByPath</c>, then one XOR
/// <c>set_relay_state</c>. The peers' runtimes are found (and the Node peer's packages installed) here.
/// </summary>
internal static class FieldContenders
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(5);

    private static string PeersFolder => Path.Combine(Repository.Root, "test", "ButtonToPlug.Benchmarks", "peers");

    public static async Task<IReadOnlyList<Contender>> PrepareAsync(TextWriter log)
    {
        await PublishedBuilds.EnsureAsync(FunctionBuild.Aot, log);

        // The real interpreter, not a version manager's shim: a shim is a script that starts another process first.
        var python = (await RunAsync("python3", PeersFolder, "-c", "import sys;print(sys.executable)")).Trim();
        var pythonVersion = (await RunAsync(python, PeersFolder, "-c", "import sys,boto3;print('%d.%d + boto3 %s' % (sys.version_info[0], sys.version_info[1], boto3.__version__))")).Trim();
        var node = Path.Combine(PeersFolder, "node");
        if (!Directory.Exists(Path.Combine(node, "node_modules")))
        {
            log.WriteLine("installing the Node peer's packages (npm ci in peers/node) ...");
            await RunAsync("npm", node, "ci", "--no-audit", "--no-fund");
        }

        var nodeVersion = (await RunAsync("node", node, "--version")).Trim();
        return
        [
            new("ButtonToPlug AOT", "double (on)", "buttontoplug", "double-click.json", 1, false, () => PublishedBuilds.StartInfo(FunctionBuild.Aot)),
            new("ButtonToPlug AOT", "single (toggle)", "buttontoplug", "single-click.json", 2, false, () => PublishedBuilds.StartInfo(FunctionBuild.Aot)),
            new($"Python {pythonVersion}", "double (on)", "python", "double-click.json", 1, true,
                () => StartInfo(python, Path.Combine(PeersFolder, "python"), "function.py")),
            new($"Node {nodeVersion} + SDK v3", "double (on)", "node", "double-click.json", 1, true,
                () => StartInfo("node", node, "index.mjs")),
        ];
    }

    private static ProcessStartInfo StartInfo(string program, string folder, string script)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder };
        start.ArgumentList.Add(script);
        return start;
    }

    private static async Task<string> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(ToolTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed in {folder}: {await errors}");
        }

        return await output;
    }
}
