namespace ButtonToPlug.Deployment.Tests;

/// <summary>The DynamoDB table that lets a duplicate delivery of a click be recognised (CONTRACTS.md section 7).</summary>
public sealed class TemplateClickTableTests
{
    private const string TableId = "ClickTable";

    private static TemplateNode Table => SamTemplate.Root["Resources"][TableId];

    [Fact]
    public void ClickTable_IsOnDemandKeyedByClickKeyAndEncrypted()
    {
        var properties = Table["Properties"];

        Assert.Equal("AWS::DynamoDB::Table", Table["Type"].Text);
        Assert.Equal("PAY_PER_REQUEST", properties["BillingMode"].Text);
        var key = Assert.Single(properties["KeySchema"].Items);
        Assert.Equal("clickKey", key["AttributeName"].Text);
        Assert.Equal("HASH", key["KeyType"].Text);
        var attribute = Assert.Single(properties["AttributeDefinitions"].Items);
        Assert.Equal("clickKey", attribute["AttributeName"].Text);
        Assert.Equal("S", attribute["AttributeType"].Text);
        Assert.Equal("true", properties["SSESpecification"]["SSEEnabled"].Text);
    }

    [Fact]
    public void ClickTable_ExpiresKeysOnExpiresAt()
    {
        var ttl = Table["Properties"]["TimeToLiveSpecification"];

        Assert.Equal("expiresAt", ttl["AttributeName"].Text);
        Assert.Equal("true", ttl["Enabled"].Text);
    }

    [Fact]
    public void Function_FindsTheTableInClickTable()
    {
        Assert.Equal(TableId, SamTemplate.Function["Properties"]["Environment"]["Variables"]["CLICK_TABLE"]["Ref"].Text);
    }

    [Fact]
    public void Function_MayOnlyPutAndDeleteItemsOfTheClickTable()
    {
        var dynamo = SamTemplate.PolicyStatements()
            .Where(s => SamTemplate.Strings(s["Action"]).Any(a => a.StartsWith("dynamodb:", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        var statement = Assert.Single(dynamo);
        Assert.Equal("Allow", statement["Effect"].Text);
        Assert.Equal(["dynamodb:DeleteItem", "dynamodb:PutItem"], SamTemplate.Strings(statement["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal([TableId, "Arn"], SamTemplate.Strings(statement["Resource"]["Fn::GetAtt"]));
        Assert.False(statement.Has("NotResource"));
        Assert.False(statement.Has("NotAction"));
    }

    [Fact]
    public void ButtonRule_GivesEveryClickItsOwnClickId()
    {
        var events = SamTemplate.Function["Properties"]["Events"];
        var sql = events.Keys.Select(k => events[k])
            .Where(e => e["Type"].Text == "IoTRule")
            .Select(e => e["Properties"]["Sql"]["Fn::Sub"].Text)
            .Single(text => text.Contains("'iotbutton/", StringComparison.Ordinal));

        Assert.StartsWith("SELECT *, newuuid() AS clickId FROM ", sql, StringComparison.Ordinal);
    }
}
