using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>samconfig.toml read with a real TOML parser, and the SAM CLI's own <c>parameter_overrides</c> syntax.</summary>
internal static partial class SamConfig
{
    private static readonly Lazy<TomlTable> LazyRoot =
        new(() => TomlSerializer.Deserialize<TomlTable>(RepositoryFiles.ReadAllText("samconfig.toml"))
            ?? throw new InvalidDataException("samconfig.toml is empty"));

    public static TomlTable Root => LazyRoot.Value;

    /// <summary>The table <c>[environment.command.parameters]</c>, e.g. <c>Section("default", "deploy")</c>.</summary>
    public static TomlTable Section(string environment, string command) =>
        (TomlTable)((TomlTable)((TomlTable)Root[environment])[command])["parameters"];

    public static IEnumerable<(string Environment, string Command, TomlTable Parameters)> Sections() =>
        from environment in Root.Where(e => e.Value is TomlTable).Select(e => (e.Key, Table: (TomlTable)e.Value))
        from command in environment.Table.Where(c => c.Value is TomlTable).Select(c => (c.Key, Table: (TomlTable)c.Value))
        select (environment.Key, command.Key, (TomlTable)command.Table["parameters"]);

    /// <summary>Names and values of <c>Key="Value" Key2=Value2</c>, the form <c>sam deploy --guided</c> writes.</summary>
    public static IReadOnlyDictionary<string, string> Overrides(string text) =>
        OverridePattern().Matches(text).ToDictionary(
            m => m.Groups["name"].Value,
            m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value,
            StringComparer.Ordinal);

    [GeneratedRegex("""(?<name>[A-Za-z0-9]+)=(?:"(?<quoted>[^"]*)"|(?<bare>[^\s"]+))""")]
    private static partial Regex OverridePattern();
}
