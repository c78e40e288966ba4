namespace ButtonToPlug.Testing;

/// <summary>The checked-out repository the tests run in: the folder above the test binaries that holds ButtonToPlug.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    public static string PathOf(string relativePath) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar)));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ButtonToPlug.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ButtonToPlug.sln above {AppContext.BaseDirectory}");
    }
}
