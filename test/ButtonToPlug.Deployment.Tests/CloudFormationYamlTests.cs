using System.Text.Json;

namespace ButtonToPlug.Deployment.Tests;

public sealed class CloudFormationYamlTests
{
    [Theory]
    [InlineData("A: !Ref Param", """{"A":{"Ref":"Param"}}""")]
    [InlineData("A: !Sub 'arn:${AWS::Partition}:x'", """{"A":{"Fn::Sub":"arn:${AWS::Partition}:x"}}""")]
    [InlineData("A: !GetAtt Queue.Arn", """{"A":{"Fn::GetAtt":["Queue","Arn"]}}""")]
    [InlineData("A: !GetAtt Db.Endpoint.Address", """{"A":{"Fn::GetAtt":["Db","Endpoint.Address"]}}""")]
    [InlineData("A: !GetAtt [Queue, Arn]", """{"A":{"Fn::GetAtt":["Queue","Arn"]}}""")]
    [InlineData("A: !If [HasIt, !Ref X, !Ref AWS::NoValue]", """{"A":{"Fn::If":["HasIt",{"Ref":"X"},{"Ref":"AWS::NoValue"}]}}""")]
    [InlineData("A: !Not [!Equals [!Ref E, '']]", """{"A":{"Fn::Not":[{"Fn::Equals":[{"Ref":"E"},""]}]}}""")]
    [InlineData("A: !Join ['', [a, !Ref B]]", """{"A":{"Fn::Join":["",["a",{"Ref":"B"}]]}}""")]
    [InlineData("A: {Fn::Sub: x}", """{"A":{"Fn::Sub":"x"}}""")]
    [InlineData("A: '2016-03-23'", """{"A":"2016-03-23"}""")]
    public void Load_ShortFormTags_BecomeTheLongFormCloudFormationSees(string yaml, string expectedJson)
    {
        var node = CloudFormationYaml.Load(yaml, "test");

        Assert.Equal(expectedJson, JsonSerializer.Serialize(node.Value));
    }

    [Theory]
    [InlineData("A: !Reff X", "unknown CloudFormation tag !Reff")]
    [InlineData("A: !GetAtt Queue", "has no attribute")]
    [InlineData("A: 1\nA: 2", "A")]
    public void Load_WhatCloudFormationWouldReject_Throws(string yaml, string expectedInMessage)
    {
        var error = Record.Exception(() => CloudFormationYaml.Load(yaml, "test"));

        Assert.NotNull(error);
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }
}
