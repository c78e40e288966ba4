using System.Text.RegularExpressions;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>README.md names what the template, the Makefile and the code really call things.</summary>
public sealed class ReadmeTests
{
    private static readonly Lazy<string> Readme = new(() => RepositoryFiles.ReadAllText("README.md"));

    [Fact]
    public void Readme_KeepsTheTestCommandCiRuns()
    {
        Assert.Contains("## Run the tests", Readme.Value, StringComparison.Ordinal);
        Assert.Contains("dotnet test ButtonToPlug.sln", Readme.Value, StringComparison.Ordinal);
        Assert.Contains("dotnet test ButtonToPlug.sln", RepositoryFiles.ReadAllText(".ci/run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_NamesEveryTemplateParameterAndOutput()
    {
        var names = SamTemplate.Parameters.Keys.Concat(SamTemplate.Root["Outputs"].Keys);

        Assert.All(names, name => Assert.Contains($"`{name}`", Readme.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_ExplainsEveryErrorTypeTheFunctionReports()
    {
        var errorTypes = Regex.Matches(RepositoryFiles.ReadAllText("src/ButtonToPlug/ErrorTypes.cs"), "= \"([A-Za-z]+)\";")
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.Equal(7, errorTypes.Count);
        Assert.All(errorTypes, errorType => Assert.Matches(new Regex($@"^\| `{errorType}` \|", RegexOptions.Multiline), Readme.Value));
    }

    [Fact]
    public void Readme_SwitchesToJitWithTheMakefilesVariable()
    {
        var makefile = RepositoryFiles.ReadAllText("src/ButtonToPlug/Makefile");
        var variable = Regex.Match(makefile, @"^(\w+) \?= aot$", RegexOptions.Multiline);

        Assert.True(variable.Success, "the Makefile chooses the build with a VARIABLE ?= aot line");
        Assert.Contains($"{variable.Groups[1].Value}=jit sam build", Readme.Value, StringComparison.Ordinal);
        Assert.Contains("Handler: ButtonToPlug", Readme.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_RefersOnlyToEventFilesThatExist()
    {
        var referenced = Regex.Matches(Readme.Value, @"events/[\w.-]+\.json").Select(m => m.Value).Distinct().ToList();

        Assert.Contains("events/single-click.json", referenced);
        Assert.All(referenced, path => Assert.True(File.Exists(RepositoryFiles.PathOf(path)), $"README names {path}, which does not exist"));
    }
}
