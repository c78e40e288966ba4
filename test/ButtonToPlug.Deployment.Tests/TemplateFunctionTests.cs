using System.Text.RegularExpressions;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>What template.yaml says about the function that must match the code and the Makefile.</summary>
public sealed class TemplateFunctionTests
{
    [Fact]
    public void Function_RunsTheNativeAotBootstrapOnDotnet10()
    {
        var function = SamTemplate.Function;
        var properties = function["Properties"];

        Assert.Equal("AWS::Serverless-2016-10-31", SamTemplate.Root["Transform"].Text);
        Assert.Equal("AWS::Serverless::Function", function["Type"].Text);
        Assert.Equal("dotnet10", properties["Runtime"].Text);
        Assert.Equal("bootstrap", properties["Handler"].Text);
        Assert.Equal(["x86_64"], SamTemplate.Strings(properties["Architectures"]));
    }

    [Fact]
    public void Function_IsBuiltByTheMakefileTargetNamedAfterIt()
    {
        var metadata = SamTemplate.Function["Metadata"];
        var makefile = Path.Combine(RepositoryFiles.PathOf(metadata["ContextPath"].Text), "Makefile");
        var projectRoot = RepositoryFiles.PathOf(metadata["ProjectRootDirectory"].Text);

        Assert.Equal("makefile", metadata["BuildMethod"].Text);
        Assert.True(File.Exists(makefile), $"{makefile} is missing");
        Assert.True(File.Exists(Path.Combine(projectRoot, "ButtonToPlug.sln")), "ProjectRootDirectory must be the repository root");
        var text = File.ReadAllText(makefile);
        Assert.Matches(new Regex($"^build-{SamTemplate.FunctionId}:", RegexOptions.Multiline), text);

        // make runs at the root of SAM's copy of ProjectRootDirectory, so the Makefile's project path starts there.
        var project = Regex.Match(text, @"^PROJECT\s*:?=\s*(\S+)", RegexOptions.Multiline);
        Assert.True(project.Success, "the Makefile names the project it publishes in PROJECT");
        Assert.True(File.Exists(Path.Combine(projectRoot, project.Groups[1].Value)), $"{project.Groups[1].Value} is not under the project root");
    }

    [Fact]
    public void Function_EnvironmentNamesExactlyTheVariablesTheCodeReads()
    {
        var inTemplate = SamTemplate.Function["Properties"]["Environment"]["Variables"].Keys.ToHashSet();
        var inCode = SettingsVariablesReadByTheFunction();

        Assert.NotEmpty(inCode);
        Assert.Equal(inCode.Order(StringComparer.Ordinal), inTemplate.Order(StringComparer.Ordinal));
        Assert.Equal("ParameterPath", SamTemplate.Function["Properties"]["Environment"]["Variables"]["PARAMETER_PATH"]["Ref"].Text);
    }

    [Fact]
    public void Function_LogsJson()
    {
        Assert.Equal("JSON", SamTemplate.Function["Properties"]["LoggingConfig"]["LogFormat"].Text);
    }

    [Fact]
    public void ParameterPath_DefaultsToTheContractsPath()
    {
        Assert.Equal("/ButtonToPlug", SamTemplate.Parameters["ParameterPath"]["Default"].Text);
    }

    [Theory]
    [InlineData("/ButtonToPlug", true)]
    [InlineData("/home/kitchen-lamp", true)]
    [InlineData("ButtonToPlug", false)]
    [InlineData("/ButtonToPlug/", false)]
    [InlineData("/Button*", false)]
    [InlineData("", false)]
    public void ParameterPath_AcceptsOnlyAnAbsolutePathWithoutTrailingSlash(string value, bool accepted)
    {
        Assert.Equal(accepted, AllowedBy("ParameterPath", value));
    }

    [Theory]
    [InlineData("G030JF055364XVRB", true)]
    [InlineData("+", true)]
    [InlineData("#", false)]
    [InlineData("G030/+", false)]
    [InlineData("", false)]
    public void ButtonSerialNumber_AcceptsASerialOrPlusForEveryButton(string value, bool accepted)
    {
        Assert.Equal(accepted, AllowedBy("ButtonSerialNumber", value));
    }

    internal static bool AllowedBy(string parameter, string value) =>
        Regex.IsMatch(value, SamTemplate.Parameters[parameter]["AllowedPattern"].Text, RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The function's own settings variables, as string literals in src/ButtonToPlug (PARAMETER_PATH,
    /// PARAMETER_CACHE_SECONDS). A rename in the code or the template makes the sets differ.
    /// </summary>
    private static HashSet<string> SettingsVariablesReadByTheFunction() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("src/ButtonToPlug"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), "\"(PARAMETER_[A-Z0-9_]+|CLICK_TABLE)\"").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
}
