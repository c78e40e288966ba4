namespace ButtonToPlug.Deployment.Tests;

/// <summary>The checked-out repository these tests read: found by walking up from the test binaries to the solution.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relativePath) =>
        Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ButtonToPlug.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ButtonToPlug.sln not found above {AppContext.BaseDirectory}");
    }
}
