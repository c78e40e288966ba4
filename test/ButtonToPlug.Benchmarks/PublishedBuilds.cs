using System.Diagnostics;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// The builds under <c>artifacts/publish/{aot,jit}</c>, published with the same commands as <c>.ci/run</c>; reused when
/// they are newer than every source file of the function, published again otherwise.
/// </summary>
internal static class PublishedBuilds
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);
    private static readonly string[] SourceFolders = ["src/ButtonToPlug", "src/ButtonToPlug.Kasa"];
    private static readonly string[] SharedFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json"];

    public static string EntryPath(FunctionBuild build) => build == FunctionBuild.Aot
        ? Path.Combine(Repository.Root, "artifacts", "publish", "aot", "bootstrap")
        : Path.Combine(Repository.Root, "artifacts", "publish", "jit", "ButtonToPlug.dll");

    /// <summary>How Lambda starts the build: <c>bootstrap</c> itself, or <c>dotnet ButtonToPlug.dll</c>.</summary>
    public static ProcessStartInfo StartInfo(FunctionBuild build)
    {
        var entry = EntryPath(build);
        var start = build == FunctionBuild.Aot ? new ProcessStartInfo(entry) : new ProcessStartInfo("dotnet");
        if (build == FunctionBuild.Jit)
        {
            start.ArgumentList.Add(entry);
        }

        start.WorkingDirectory = Path.GetDirectoryName(entry);
        return start;
    }

    public static async Task EnsureAsync(FunctionBuild build, TextWriter log)
    {
        var entry = EntryPath(build);
        if (File.Exists(entry) && File.GetLastWriteTimeUtc(entry) >= NewestSourceUtc())
        {
            log.WriteLine($"reusing {Path.GetRelativePath(Repository.Root, entry)} (newer than the sources)");
            return;
        }

        log.WriteLine($"publishing the {build} build into {Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(entry)!)} ...");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, UseShellExecute = false, RedirectStandardOutput = true };
        string[] common = ["publish", "src/ButtonToPlug/ButtonToPlug.csproj", "-c", "Release", "-o", Path.GetDirectoryName(entry)!, "--disable-build-servers", "-nologo"];
        string[] arguments = build == FunctionBuild.Aot ? [.. common, "-r", "linux-x64", "-p:PublishAot=true"] : [.. common, "-p:PublishAot=false"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var output = publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(PublishTimeout);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed (Native AOT needs clang and zlib1g-dev):\n{await output}");
        }

        // Publish keeps an unchanged binary's old time; the stamp says "built from the sources as they are now".
        File.SetLastWriteTimeUtc(entry, DateTime.UtcNow);
    }

    private static DateTime NewestSourceUtc()
    {
        var separator = Path.DirectorySeparatorChar;
        return SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                && !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .Concat(SharedFiles.Select(file => Path.Combine(Repository.Root, file)).Where(File.Exists))
            .Max(File.GetLastWriteTimeUtc);
    }
}
