namespace ButtonToPlug.Kasa.Tests;

/// <summary>A theory over ../shared/fixtures/ that is skipped, visibly, when the directory is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FixturesTheoryAttribute : TheoryAttribute
{
    public FixturesTheoryAttribute()
    {
        if (Directory is null)
        {
            Skip = "no ../shared/fixtures/ directory next to the repository";
        }
    }

    /// <summary>The fixtures directory, or null when there is none with files in it.</summary>
    public static string? Directory { get; } = Find();

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ButtonToPlug.sln")))
            {
                var fixtures = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "fixtures"));
                return System.IO.Directory.Exists(fixtures) && System.IO.Directory.EnumerateFiles(fixtures).Any() ? fixtures : null;
            }
        }

        return null;
    }
}
