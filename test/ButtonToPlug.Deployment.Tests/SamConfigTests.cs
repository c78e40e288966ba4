namespace ButtonToPlug.Deployment.Tests;

public sealed class SamConfigTests
{
    [Fact]
    public void SamConfig_IsVersionZeroPointOneWithBuildDeployAndLocalInvoke()
    {
        Assert.Equal(0.1, Convert.ToDouble(SamConfig.Root["version"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(SamConfig.Section("default", "build"));
        Assert.NotNull(SamConfig.Section("default", "local_invoke"));
    }

    [Fact]
    public void Deploy_NamesTheStackAndDeploysWithoutExtraFlags()
    {
        var deploy = SamConfig.Section("default", "deploy");

        Assert.False(string.IsNullOrWhiteSpace((string)deploy["stack_name"]));
        Assert.True((bool)deploy["resolve_s3"]);
        Assert.True((bool)deploy["confirm_changeset"]);
        // The stack creates the function's role; without this capability CloudFormation refuses the change set.
        Assert.Contains("CAPABILITY_IAM", ((string)deploy["capabilities"]).Split(' '));
    }

    [Fact]
    public void ParameterOverrides_NameOnlyTemplateParameters()
    {
        var known = SamTemplate.Parameters.Keys.ToHashSet(StringComparer.Ordinal);
        var sections = SamConfig.Sections().Where(s => s.Parameters.ContainsKey("parameter_overrides")).ToList();

        Assert.NotEmpty(sections);
        Assert.All(sections, section =>
        {
            var names = SamConfig.Overrides((string)section.Parameters["parameter_overrides"]).Keys;
            Assert.NotEmpty(names);
            Assert.All(names, name => Assert.Contains(name, known));
        });
    }

    [Fact]
    public void ParameterOverrides_GiveEveryParameterWithoutADefault_SoDeployRunsUnprompted()
    {
        var overrides = SamConfig.Overrides((string)SamConfig.Section("default", "deploy")["parameter_overrides"]);
        var required = SamTemplate.Parameters.Keys.Where(name => !SamTemplate.Parameters[name].Has("Default"));

        Assert.All(required, name =>
        {
            Assert.True(overrides.ContainsKey(name), $"parameter_overrides lacks {name}");
            Assert.True(TemplateFunctionTests.AllowedBy(name, overrides[name]), $"{name}={overrides[name]} breaks its AllowedPattern");
        });
    }

    [Fact]
    public void LocalInvoke_DefaultEventExists()
    {
        var local = SamConfig.Section("default", "local_invoke");

        Assert.True(File.Exists(RepositoryFiles.PathOf((string)local["event"])));
    }

    [Theory]
    [InlineData("A=\"x\" B=\"/y z\"", "A:x|B:/y z")]
    [InlineData("A=x B=\"\"", "A:x|B:")]
    public void Overrides_ReadTheSamCliSyntax(string text, string expected)
    {
        var parsed = SamConfig.Overrides(text).Select(kv => $"{kv.Key}:{kv.Value}");

        Assert.Equal(expected, string.Join('|', parsed));
    }
}
