using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>
/// README's sample output of its first command is what `scripts/local-click events/single-click.json` prints, line for
/// line, apart from ports, times and request ids. The script runs in a copy of the repository without build output, as in
/// a fresh clone, so its build cannot collide with a build the other test assemblies run in the worktree meanwhile.
/// </summary>
public sealed partial class ReadmeSampleTests : IDisposable
{
    // A build from nothing and a click on a loaded 2-core machine take minutes; this only bounds a hang.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    // What differs from run to run: ports, durations, clock readings, ids.
    private static readonly (string Pattern, string Replacement)[] Variable =
    [
        (@"127\.0\.0\.1:\d+", "127.0.0.1:<port>"),
        (@"(/port --type String --value )\d+", "$1<port>"),
        (@"""(port|elapsedMs|ElapsedMs|Timestamp)"":\d+", @"""$1"":<n>"),
        (@"""(timestamp|traceId)"":""[^""]*""", @"""$1"":""<t>"""),
        (@"press-[0-9a-f]{32}", "press-<id>"),
    ];

    private readonly string copy = Path.Combine(Path.GetTempPath(), $"buttontoplug-local-click-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(this.copy))
        {
            Directory.Delete(this.copy, recursive: true);
        }
    }

    [ToolFact(Tools.Node, Tools.Npm, Tools.Moto, Tools.Aws)]
    public async Task Readme_LocalClickSampleOutput_IsWhatTheScriptPrints()
    {
        var sample = Normalize(ReadmeSample());
        RepositoryCopy.CopyTree(RepositoryFiles.Root, this.copy, RepositoryCopy.BuildOutput);

        var (exitCode, output) = await RunAsync("scripts/local-click events/single-click.json 2>&1");

        Assert.True(exitCode == 0, output);
        Assert.Equal(sample, Normalize(output));
    }

    /// <summary>The first code block after the command in "Try it in two commands" that shows the script's output.</summary>
    private static string ReadmeSample()
    {
        var readme = RepositoryFiles.ReadAllText("README.md");
        var section = readme[readme.IndexOf("## Try it in two commands", StringComparison.Ordinal)..];
        var block = SampleBlock().Match(section);
        Assert.True(block.Success, "README's \"Try it in two commands\" has no ``` block starting with \"== building buttontoplug\"");
        return block.Groups["sample"].Value;
    }

    private static string Normalize(string output)
    {
        var text = output.ReplaceLineEndings("\n").Trim();
        foreach (var (pattern, replacement) in Variable)
        {
            text = Regex.Replace(text, pattern, replacement);
        }

        return text;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = this.copy,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);

        // The test host inherits MSBuild's variables from `dotnet test`; the script's build must find its own SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        try
        {
            await script.WaitForExitAsync().WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {Limit}: {await stdout}");
        }

        return (script.ExitCode, new StringBuilder(await stdout).Append(await stderr).ToString());
    }

    [GeneratedRegex(@"```\n(?<sample>== building buttontoplug\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex SampleBlock();
}
