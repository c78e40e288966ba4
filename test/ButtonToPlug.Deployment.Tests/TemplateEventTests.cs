namespace ButtonToPlug.Deployment.Tests;

/// <summary>How clicks reach the function and where a failed one goes.</summary>
public sealed class TemplateEventTests
{
    [Fact]
    public void ButtonRule_SelectsTheTopicOfTheSerialParameter()
    {
        var events = SamTemplate.Function["Properties"]["Events"];
        var rule = Assert.Single(events.Keys.Select(k => events[k]), e => e["Type"].Text == "IoTRule")["Properties"];

        Assert.Equal("SELECT *, newuuid() AS clickId FROM 'iotbutton/${ButtonSerialNumber}'", rule["Sql"]["Fn::Sub"].Text);
        Assert.Equal("2016-03-23", rule["AwsIotSqlVersion"].Text);
        Assert.True(SamTemplate.Parameters.Has("ButtonSerialNumber"));
        Assert.Equal("iotbutton/${ButtonSerialNumber}", SamTemplate.Root["Outputs"]["ButtonTopic"]["Value"]["Fn::Sub"].Text);
    }

    [Fact]
    public void AsyncInvoke_NeverRetriesAndSendsFailuresToTheQueue()
    {
        var config = SamTemplate.Function["Properties"]["EventInvokeConfig"];
        var onFailure = config["DestinationConfig"]["OnFailure"];

        Assert.Equal("0", config["MaximumRetryAttempts"].Text);
        // 60 s is the shortest age Lambda accepts.
        Assert.Equal("60", config["MaximumEventAgeInSeconds"].Text);
        Assert.Equal("SQS", onFailure["Type"].Text);
        Assert.Equal(["FailedClicksQueue", "Arn"], SamTemplate.Strings(onFailure["Destination"]["Fn::GetAtt"]));
        Assert.Equal("AWS::SQS::Queue", SamTemplate.Root["Resources"]["FailedClicksQueue"]["Type"].Text);
    }

    [Fact]
    public void ErrorsAlarm_WatchesTheFunctionAndMailsOnlyWhenAnAddressIsGiven()
    {
        var resources = SamTemplate.Root["Resources"];
        var alarm = resources["FunctionErrorsAlarm"]["Properties"];

        Assert.Equal("Errors", alarm["MetricName"].Text);
        Assert.Equal(SamTemplate.FunctionId, alarm["Dimensions"][0]["Value"]["Ref"].Text);
        Assert.Equal("HasAlarmEmail", resources["AlarmTopic"]["Condition"].Text);
        Assert.Equal("AlarmEmail", resources["AlarmTopic"]["Properties"]["Subscription"][0]["Endpoint"]["Ref"].Text);
        Assert.Equal(string.Empty, SamTemplate.Parameters["AlarmEmail"]["Default"].Text);
    }

    [Theory]
    [InlineData("FunctionArn")]
    [InlineData("FailedClicksQueueUrl")]
    [InlineData("FailedClicksQueueArn")]
    [InlineData("ClickTableName")]
    [InlineData("ButtonTopic")]
    public void Outputs_NameWhatTheReadmeRefersTo(string output)
    {
        Assert.True(SamTemplate.Root["Outputs"].Has(output), $"Outputs.{output} is missing");
    }
}
