namespace ButtonToPlug.Tests.Support;

/// <summary>Files of the repository the tests read: the sample events users start from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string EventsDirectory => Path.Combine(Root, "events");

    /// <summary>Every sample event (all of events/*.json except the settings file).</summary>
    public static IEnumerable<string> EventFiles() =>
        Directory.GetFiles(EventsDirectory, "*.json").Where(f => !Path.GetFileName(f).StartsWith("settings", StringComparison.Ordinal)).Order();

    public static string Event(string name) => Path.Combine(EventsDirectory, name);

    /// <summary>The client context SORACOM Funk sends beside a SORACOM button's event (not an event itself, so in a folder of its own).</summary>
    public static string SoracomClientContext => Path.Combine(EventsDirectory, "client-context", "soracom.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ButtonToPlug.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ButtonToPlug.sln above {AppContext.BaseDirectory}");
    }
}
