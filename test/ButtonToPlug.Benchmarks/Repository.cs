namespace ButtonToPlug.Benchmarks;

/// <summary>The repository the harness runs in: the folder holding ButtonToPlug.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ButtonToPlug.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No ButtonToPlug.sln above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}.");
    }
}
