namespace ButtonToPlug.Deployment.Tests;

/// <summary>The function's IAM statements: the settings path and nothing more.</summary>
public sealed class TemplatePermissionTests
{
    private const string ParameterArn = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${ParameterPath}";

    [Fact]
    public void Function_ReadsOnlyTheParameterPathAndItsChildren()
    {
        var ssm = SamTemplate.PolicyStatements()
            .Where(s => SamTemplate.Strings(s["Action"]).Any(a => a.StartsWith("ssm:", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        var statement = Assert.Single(ssm);
        Assert.Equal("Allow", statement["Effect"].Text);
        Assert.Equal(["ssm:GetParametersByPath"], SamTemplate.Strings(statement["Action"]));
        var resources = statement["Resource"].Items.Select(r => r["Fn::Sub"].Text).Order(StringComparer.Ordinal);
        Assert.Equal([ParameterArn, ParameterArn + "/*"], resources);
    }

    [Fact]
    public void Function_GetsNoWildcardOrDescribeAndNoSamPolicyTemplates()
    {
        var actions = SamTemplate.PolicyStatements().SelectMany(s => SamTemplate.Strings(s["Action"])).ToList();

        Assert.DoesNotContain(actions, a => a.Contains('*', StringComparison.Ordinal));
        Assert.DoesNotContain("ssm:DescribeParameters", actions, StringComparer.OrdinalIgnoreCase);
        // SAM policy templates (SSMParameterReadPolicy, ...) are mappings with one *Policy key; they add DescribeParameters on *.
        Assert.All(SamTemplate.Function["Properties"]["Policies"].Items, policy => Assert.True(policy.Has("Statement"), $"{policy.Path} is not a plain policy document"));
    }

    [Fact]
    public void Function_DecryptsOnlyThroughSsmAndOnlyWhenACustomerKeyIsGiven()
    {
        var kms = SamTemplate.Function["Properties"]["Policies"].Items
            .SelectMany(policy => policy["Statement"].Items)
            .Single(s => s.Intrinsic == "Fn::If")["Fn::If"];

        Assert.Equal("HasParameterKmsKey", kms[0].Text);
        Assert.Equal("AWS::NoValue", kms[2]["Ref"].Text);
        var statement = kms[1];
        Assert.Equal(["kms:Decrypt"], SamTemplate.Strings(statement["Action"]));
        Assert.Equal("ParameterKmsKeyArn", statement["Resource"]["Ref"].Text);
        Assert.Equal("ssm.${AWS::Region}.amazonaws.com", statement["Condition"]["StringEquals"]["kms:ViaService"]["Fn::Sub"].Text);

        var condition = SamTemplate.Root["Conditions"]["HasParameterKmsKey"]["Fn::Not"][0]["Fn::Equals"];
        Assert.Equal("ParameterKmsKeyArn", condition[0]["Ref"].Text);
        Assert.Equal(string.Empty, condition[1].Text);
        Assert.Equal(string.Empty, SamTemplate.Parameters["ParameterKmsKeyArn"]["Default"].Text);
    }
}
