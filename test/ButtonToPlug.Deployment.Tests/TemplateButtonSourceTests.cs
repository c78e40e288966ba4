namespace ButtonToPlug.Deployment.Tests;

/// <summary>The buttons that can still be bought: Function URL, Shelly rule and SORACOM role, each only when its parameters are given.</summary>
public sealed class TemplateButtonSourceTests
{
    private static readonly string[] WebhookResources = ["WebhookFunctionUrl", "WebhookUrlPermission", "WebhookInvokePermission"];
    private static readonly string[] ShellyResources = ["ShellyRule", "ShellyRulePermission"];
    private static readonly string[] OptionalOutputs = ["WebhookUrl", "ShellyTopic", "SoracomRoleArn"];

    private static TemplateNode Resources => SamTemplate.Root["Resources"];

    [Fact]
    public void Defaults_CreateNoUrlNoShellyRuleAndNoSoracomRole()
    {
        var stack = TemplateConditions.Defaults;

        Assert.All([.. WebhookResources, .. ShellyResources, "SoracomFunkRole"], id => Assert.False(stack.HasResource(id), id));
        Assert.All(OptionalOutputs, id => Assert.False(stack.HasOutput(id), id));
        Assert.True(stack.HasResource(SamTemplate.FunctionId));
    }

    [Fact]
    public void EnableWebhook_CreatesAPublicUrlWithItsTwoGrantsAndABoundOnConcurrency()
    {
        var stack = new TemplateConditions(new Dictionary<string, string> { ["EnableWebhook"] = "true" });

        Assert.All(WebhookResources, id => Assert.True(stack.HasResource(id), id));
        Assert.True(stack.HasOutput("WebhookUrl"));
        Assert.All(ShellyResources, id => Assert.False(stack.HasResource(id), id));
        var url = Resources["WebhookFunctionUrl"]["Properties"];
        Assert.Equal("NONE", url["AuthType"].Text);
        Assert.Equal([SamTemplate.FunctionId, "Arn"], SamTemplate.Strings(url["TargetFunctionArn"]["Fn::GetAtt"]));
        Assert.Equal("lambda:InvokeFunctionUrl", Resources["WebhookUrlPermission"]["Properties"]["Action"].Text);
        Assert.Equal("NONE", Resources["WebhookUrlPermission"]["Properties"]["FunctionUrlAuthType"].Text);
        Assert.Equal("true", Resources["WebhookInvokePermission"]["Properties"]["InvokedViaFunctionUrl"].Text);
        Assert.Equal(["WebhookFunctionUrl", "FunctionUrl"], SamTemplate.Strings(SamTemplate.Root["Outputs"]["WebhookUrl"]["Value"]["Fn::GetAtt"]));

        var concurrency = SamTemplate.Function["Properties"]["ReservedConcurrentExecutions"]["Fn::If"];
        Assert.Equal("WebhookEnabled", concurrency[0].Text);
        Assert.InRange(int.Parse(concurrency[1].Text, System.Globalization.CultureInfo.InvariantCulture), 1, 10);
        Assert.Equal("AWS::NoValue", concurrency[2]["Ref"].Text);
    }

    [Fact]
    public void EnableWebhook_OnlyTrueTurnsItOn()
    {
        Assert.Equal(["false", "true"], SamTemplate.Strings(SamTemplate.Parameters["EnableWebhook"]["AllowedValues"]));
        Assert.False(new TemplateConditions(new Dictionary<string, string> { ["EnableWebhook"] = "false" }).Holds("WebhookEnabled"));
    }

    [Fact]
    public void ShellyTopicPrefix_CreatesARuleOnItsEventsTopicThatAddsAClickId()
    {
        var stack = new TemplateConditions(new Dictionary<string, string> { ["ShellyTopicPrefix"] = "shellyplusi4-a8032ab1b2c3" });

        Assert.All(ShellyResources, id => Assert.True(stack.HasResource(id), id));
        Assert.True(stack.HasOutput("ShellyTopic"));
        Assert.All(WebhookResources, id => Assert.False(stack.HasResource(id), id));
        var rule = Resources["ShellyRule"]["Properties"]["TopicRulePayload"];
        var sql = rule["Sql"]["Fn::Sub"].Text;
        Assert.StartsWith("SELECT *, newuuid() AS clickId FROM '${ShellyTopicPrefix}/events/rpc'", sql, StringComparison.Ordinal);
        Assert.Equal([SamTemplate.FunctionId, "Arn"], SamTemplate.Strings(rule["Actions"][0]["Lambda"]["FunctionArn"]["Fn::GetAtt"]));
        var permission = Resources["ShellyRulePermission"]["Properties"];
        Assert.Equal("iot.amazonaws.com", permission["Principal"].Text);
        Assert.Equal(["ShellyRule", "Arn"], SamTemplate.Strings(permission["SourceArn"]["Fn::GetAtt"]));
    }

    [Theory]
    [InlineData("123456789012", "", false)]
    [InlineData("", "external-id", false)]
    [InlineData("123456789012", "external-id", true)]
    public void SoracomRole_NeedsBothTheAccountAndTheExternalId(string account, string externalId, bool created)
    {
        var stack = new TemplateConditions(new Dictionary<string, string> { ["SoracomAccountId"] = account, ["SoracomExternalId"] = externalId });

        Assert.Equal(created, stack.HasResource("SoracomFunkRole"));
        Assert.Equal(created, stack.HasOutput("SoracomRoleArn"));
    }

    [Fact]
    public void SoracomRole_MayOnlyInvokeThisFunction_AndOnlySoracomWithTheExternalIdMayAssumeIt()
    {
        var role = Resources["SoracomFunkRole"]["Properties"];

        var trust = Assert.Single(role["AssumeRolePolicyDocument"]["Statement"].Items);
        Assert.Equal("Allow", trust["Effect"].Text);
        Assert.Equal("sts:AssumeRole", trust["Action"].Text);
        Assert.Equal("arn:${AWS::Partition}:iam::${SoracomAccountId}:root", trust["Principal"]["AWS"]["Fn::Sub"].Text);
        Assert.Equal("SoracomExternalId", trust["Condition"]["StringEquals"]["sts:ExternalId"]["Ref"].Text);

        var policy = Assert.Single(role["Policies"].Items);
        var statement = Assert.Single(policy["PolicyDocument"]["Statement"].Items);
        Assert.Equal("Allow", statement["Effect"].Text);
        Assert.Equal(["lambda:InvokeFunction"], SamTemplate.Strings(statement["Action"]));
        Assert.Equal([SamTemplate.FunctionId, "Arn"], SamTemplate.Strings(statement["Resource"]["Fn::GetAtt"]));
        Assert.False(role.Has("ManagedPolicyArns"));
        Assert.Equal("true", SamTemplate.Parameters["SoracomExternalId"]["NoEcho"].Text);
    }
}
