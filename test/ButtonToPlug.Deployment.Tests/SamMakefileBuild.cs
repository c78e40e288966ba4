using System.Diagnostics;
using System.Text;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>
/// Does what <c>sam build</c> does for <c>BuildMethod: makefile</c> with the template's Metadata: copies
/// ProjectRootDirectory to a scratch folder (SAM leaves out .git and .aws-sam; build output folders are left out
/// here too, to save time), then runs <c>make --makefile &lt;ContextPath&gt;/Makefile build-&lt;LogicalId&gt;</c>
/// at the root of the copy with ARTIFACTS_DIR set. The caller owns the returned folder.
/// </summary>
internal sealed class SamMakefileBuild : IDisposable
{
    private static readonly HashSet<string> Skipped = new(RepositoryCopy.BuildOutput, StringComparer.Ordinal) { "node_modules" };

    private readonly string workDir = Path.Combine(Path.GetTempPath(), $"buttontoplug-sam-build-{Guid.NewGuid():N}");

    public string ArtifactsDir => Path.Combine(this.workDir, "artifacts");

    public string Output { get; private set; } = string.Empty;

    public async Task<int> RunAsync(string buildFlavor, TimeSpan timeout)
    {
        var metadata = SamTemplate.Function["Metadata"];
        var scratch = Path.Combine(this.workDir, "scratch");
        RepositoryCopy.CopyTree(RepositoryFiles.PathOf(metadata["ProjectRootDirectory"].Text), scratch, Skipped);
        Directory.CreateDirectory(ArtifactsDir);

        var start = new ProcessStartInfo("make")
        {
            WorkingDirectory = scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--makefile");
        start.ArgumentList.Add(Path.Combine(RepositoryFiles.PathOf(metadata["ContextPath"].Text), "Makefile"));
        start.ArgumentList.Add($"build-{SamTemplate.FunctionId}");
        start.Environment["ARTIFACTS_DIR"] = ArtifactsDir;
        start.Environment["BUTTONTOPLUG_BUILD"] = buildFlavor;

        var output = new StringBuilder();
        using var make = new Process { StartInfo = start };
        make.OutputDataReceived += (_, e) => Append(output, e.Data);
        make.ErrorDataReceived += (_, e) => Append(output, e.Data);
        make.Start();
        make.BeginOutputReadLine();
        make.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await make.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            make.Kill(entireProcessTree: true);
            Append(output, $"make did not finish within {timeout}");
            Output = output.ToString();
            return -1;
        }

        Output = output.ToString();
        return make.ExitCode;
    }

    public void Dispose()
    {
        if (Directory.Exists(this.workDir))
        {
            Directory.Delete(this.workDir, recursive: true);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
