using System.Text.RegularExpressions;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>What `--help` says agrees with the code it describes and with the README's words.</summary>
public sealed partial class HelpTextTests
{
    [Fact]
    public async Task PressHelp_ListsEverySettingName()
    {
        var result = await CliProcess.RunAsync("press", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"(keys {string.Join(", ", SettingNames.All)})", result.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelp_NamesEachExitCodeInTheWordsOfTheReadmeTable()
    {
        var readme = await File.ReadAllTextAsync(RepositoryRoot.PathOf("README.md"));
        var rows = ExitCodeRow().Matches(readme).Select(row => $"{row.Groups["code"].Value} {row.Groups["means"].Value}").ToList();

        var result = await CliProcess.RunAsync("--help");

        Assert.Equal(7, rows.Count);
        var help = Regex.Replace(result.Stdout, @"\s+", " ");
        Assert.All(rows, row => Assert.Contains(row, help, StringComparison.Ordinal));
    }

    // A row of README's exit-code table: | `3` | unreachable (…) |
    [GeneratedRegex(@"^\| `(?<code>[0-6])` \| (?<means>[^|]+?) \|$", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
