using System.Diagnostics;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// The published builds under <c>artifacts/publish/</c> at the repository root. `.ci/run` publishes them before the
/// tests with the same commands; when they are missing or older than the sources, the first test to need one
/// publishes it here, so a plain <c>dotnet test</c> works on a fresh machine (Native AOT needs clang).
/// </summary>
public static class PublishedFunction
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    // One publish at a time: both builds restore the same project (obj/project.assets.json).
    private static readonly SemaphoreSlim Publishing = new(1, 1);
    private static readonly HashSet<FunctionBuild> Checked = [];

    // What a publish is built from; anything newer than the published file makes it stale.
    private static readonly string[] SourceProjects = ["src/ButtonToPlug", "src/ButtonToPlug.Kasa"];
    private static readonly string[] SharedBuildFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json"];

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The file to run: <c>bootstrap</c> itself, or the assembly handed to <c>dotnet</c>.</summary>
    public static string EntryPath(FunctionBuild build) => build switch
    {
        FunctionBuild.Aot => Path.Combine(RepositoryRoot, "artifacts", "publish", "aot", "bootstrap"),
        _ => Path.Combine(RepositoryRoot, "artifacts", "publish", "jit", "ButtonToPlug.dll"),
    };

    /// <summary>Returns how to start the build, publishing it first when it is missing or stale.</summary>
    public static async Task<ProcessStartInfo> StartInfoAsync(FunctionBuild build)
    {
        await EnsurePublishedAsync(build);
        var entry = EntryPath(build);
        if (build == FunctionBuild.Aot)
        {
            return new ProcessStartInfo(entry);
        }

        var start = new ProcessStartInfo(DotnetHost());
        start.ArgumentList.Add(entry);
        return start;
    }

    private static async Task EnsurePublishedAsync(FunctionBuild build)
    {
        await Publishing.WaitAsync();
        try
        {
            if (!Checked.Add(build))
            {
                return;
            }

            var entry = EntryPath(build);
            if (File.Exists(entry) && File.GetLastWriteTimeUtc(entry) >= NewestSourceWriteUtc())
            {
                return;
            }

            await PublishAsync(build, Path.GetDirectoryName(entry)!);
            // Publish may skip copying an unchanged binary; the stamp says "built from the sources as they are now".
            File.SetLastWriteTimeUtc(entry, DateTime.UtcNow);
        }
        catch
        {
            Checked.Remove(build);
            throw;
        }
        finally
        {
            Publishing.Release();
        }
    }

    private static async Task PublishAsync(FunctionBuild build, string output)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in PublishArguments(build, output))
        {
            start.ArgumentList.Add(argument);
        }

        // The test host inherits MSBuild's variables from `dotnet test`; a nested build must find its own SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        try
        {
            await publish.WaitForExitAsync().WaitAsync(PublishTimeout);
        }
        catch (TimeoutException)
        {
            publish.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"dotnet publish ({build}) took longer than {PublishTimeout}.");
        }

        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', start.ArgumentList)} failed ({publish.ExitCode}); Native AOT needs clang and zlib1g-dev.\n"
                + await stdout + await stderr);
        }
    }

    /// <summary>The same commands as `.ci/run`.</summary>
    private static IEnumerable<string> PublishArguments(FunctionBuild build, string output)
    {
        string[] common = ["publish", "src/ButtonToPlug/ButtonToPlug.csproj", "-c", "Release", "-o", output, "--disable-build-servers", "-nologo"];
        return build == FunctionBuild.Aot
            ? [.. common, "-r", "linux-x64", "-p:PublishAot=true"]
            : [.. common, "-p:PublishAot=false"];
    }

    private static DateTime NewestSourceWriteUtc()
    {
        var sources = SourceProjects
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, p), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(SharedBuildFiles
                .Select(f => Path.Combine(RepositoryRoot, f)).Where(File.Exists));
        return sources.Max(File.GetLastWriteTimeUtc);
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : "dotnet";

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ButtonToPlug.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ButtonToPlug.sln above {AppContext.BaseDirectory}.");
    }
}
