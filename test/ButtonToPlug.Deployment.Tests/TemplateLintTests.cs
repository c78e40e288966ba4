using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>cfn-lint (with the SAM translator) on the template as shipped and on a copy whose optional button sources all default to on.</summary>
public sealed class TemplateLintTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Template_AsShipped_PassesCfnLint() => await AssertLintsCleanAsync(RepositoryFiles.ReadAllText("template.yaml"));

    [Fact]
    public async Task Template_WithEveryButtonSourceOn_PassesCfnLint()
    {
        var template = RepositoryFiles.ReadAllText("template.yaml");
        var on = SwitchOn(SwitchOn(SwitchOn(SwitchOn(template,
            "EnableWebhook", "'true'"), "ShellyTopicPrefix", "'shellyplusi4-a8032ab1b2c3'"), "SoracomAccountId", "'123456789012'"),
            "SoracomExternalId", "'soracom-external-id-0123'");

        var conditions = new TemplateConditions(new Dictionary<string, string>
        {
            ["EnableWebhook"] = "true", ["ShellyTopicPrefix"] = "x", ["SoracomAccountId"] = "123456789012", ["SoracomExternalId"] = "id",
        });
        Assert.True(conditions.Holds("WebhookEnabled") && conditions.Holds("HasShellyRule") && conditions.Holds("HasSoracomRole"));
        await AssertLintsCleanAsync(on);
    }

    private static string SwitchOn(string template, string parameter, string value)
    {
        var pattern = new Regex($"(\\n  {parameter}:\\n(?:    .*\\n)*?    Default: )''|(\\n  {parameter}:\\n(?:    .*\\n)*?    Default: )'false'");
        Assert.Matches(pattern, template);
        return pattern.Replace(template, match => (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) + value, 1);
    }

    private static async Task AssertLintsCleanAsync(string template)
    {
        var file = Path.Combine(Path.GetTempPath(), $"buttontoplug-template-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, template);
        try
        {
            var start = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(file);
            using var lint = Process.Start(start) ?? throw new InvalidOperationException("cfn-lint did not start (pip install cfn-lint)");
            var output = lint.StandardOutput.ReadToEndAsync();
            var errors = lint.StandardError.ReadToEndAsync();
            await lint.WaitForExitAsync().WaitAsync(Bound);
            Assert.True(lint.ExitCode == 0, $"cfn-lint exit {lint.ExitCode}:\n{await output}\n{await errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
