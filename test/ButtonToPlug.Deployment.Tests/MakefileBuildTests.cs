using System.Runtime.Versioning;
using System.Text.Json;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>
/// The Makefile target `sam build` runs, run the way SAM runs it, for both builds the template can deploy.
/// The Native AOT build needs clang and zlib1g-dev (README prerequisites; .ci/run installs them).
/// </summary>
[SupportedOSPlatform("linux")] // linux-x64 Native AOT is built on Linux only, like Lambda runs it
public sealed class MakefileBuildTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task AotBuild_PutsOnlyTheExecutableBootstrapIntoTheArtifacts()
    {
        using var build = new SamMakefileBuild();

        var exitCode = await build.RunAsync("aot", BuildTimeout);

        Assert.True(exitCode == 0, build.Output);
        var files = Directory.EnumerateFileSystemEntries(build.ArtifactsDir).Select(Path.GetFileName);
        Assert.Equal(["bootstrap"], files);
        var bootstrap = Path.Combine(build.ArtifactsDir, "bootstrap");
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(bootstrap)[..4]);
        Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.OtherExecute), "Lambda runs bootstrap as any user: it must be executable by all");
        Assert.Equal("bootstrap", SamTemplate.Function["Properties"]["Handler"].Text);
    }

    [Fact]
    public async Task JitBuild_PutsTheExecutableAssemblyTheJitHandlerNamesOnDotnet10()
    {
        using var build = new SamMakefileBuild();

        var exitCode = await build.RunAsync("jit", BuildTimeout);

        Assert.True(exitCode == 0, build.Output);
        // Handler: ButtonToPlug makes the dotnet10 runtime start ButtonToPlug.dll as an executable assembly.
        Assert.True(File.Exists(Path.Combine(build.ArtifactsDir, "ButtonToPlug.dll")), build.Output);
        Assert.False(File.Exists(Path.Combine(build.ArtifactsDir, "bootstrap")));
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(build.ArtifactsDir, "ButtonToPlug.runtimeconfig.json")));
        var framework = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("framework");
        Assert.Equal("Microsoft.NETCore.App", framework.GetProperty("name").GetString());
        Assert.StartsWith("10.", framework.GetProperty("version").GetString(), StringComparison.Ordinal);
    }
}
