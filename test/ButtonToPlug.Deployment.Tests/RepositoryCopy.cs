namespace ButtonToPlug.Deployment.Tests;

/// <summary>Copies the repository's tree, leaving out what a build makes, for tests that must not build in the worktree itself.</summary>
internal static class RepositoryCopy
{
    /// <summary>Build and tool output: never part of a fresh clone.</summary>
    public static readonly IReadOnlySet<string> BuildOutput = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".aws-sam", "bin", "obj", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts",
    };

    public static void CopyTree(string from, string to, IReadOnlySet<string> skipped)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (skipped.Contains(entry.Name) || entry.LinkTarget is not null)
            {
                continue;
            }

            var target = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo)
            {
                CopyTree(entry.FullName, target, skipped);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }
}
