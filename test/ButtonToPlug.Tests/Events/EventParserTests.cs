using System.Text;
using ButtonToPlug.Actions;
using ButtonToPlug.Events;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Events;

public sealed class EventParserTests
{
    public static TheoryData<string, string, string?, string?> SampleEvents => new()
    {
        { "single-click.json", "IotButton", "Single", null },
        { "double-click.json", "IotButton", "Double", null },
        { "long-press.json", "IotButton", "Long", null },
        { "one-click-double.json", "OneClick", "Double", null },
        { "command-on-30m.json", "Command", null, "on:30m" },
        { "soracom-plus-single.json", "SoracomPlus", "Single", null },
        { "soracom-global-double.json", "SoracomButton", "Double", null },
        { "shelly-long-push.json", "Shelly", "Long", null },
        { "https-double.json", "Https", "Double", null },
    };

    [Theory]
    [MemberData(nameof(SampleEvents))]
    public void Parse_SampleEventFile_ReadsItsClickOrAction(string file, string source, string? click, string? action)
    {
        var parsed = EventParser.Parse(File.ReadAllBytes(RepositoryFiles.Event(file)));

        Assert.Equal(source, parsed.Source.ToString());
        Assert.Equal(click, parsed.ClickType?.ToString());
        Assert.Equal(action, parsed.Action?.ToString());
    }

    [Fact]
    public void SampleEvents_CoverEveryFileInEvents()
    {
        var covered = SampleEvents.Select(row => (string)row[0]).Order();

        Assert.Equal(covered, RepositoryFiles.EventFiles().Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("""{"serialNumber":"G030JF055364XVRB","clickType":"SINGLE","batteryVoltage":"1705mV"}""", "Single")]
    [InlineData("""{"clickType":"single"}""", "Single")]
    [InlineData("""{"clickType":"Double"}""", "Double")]
    [InlineData("""{"clickType":" LONG "}""", "Long")]
    [InlineData("""{"clickType":"LONG","unknown":{"deep":[1,2,{"x":null}]},"more":true}""", "Long")]
    [InlineData("""{"deviceEvent":{"buttonClicked":{"clickType":"long","reportedTime":"2018-05-04T23:26:33.747Z"}}}""", "Long")]
    [InlineData("\uFEFF{\"clickType\":\"SINGLE\"}", "Single")]
    public void Parse_Click_AcceptsAnyLetterCaseAndIgnoresExtraFields(string json, string expected)
    {
        Assert.Equal(expected, EventParser.Parse(Encoding.UTF8.GetBytes(json)).ClickType.ToString());
    }

    [Theory]
    [InlineData("""{"action":"on"}""", "On", null)]
    [InlineData("""{"action":"OFF"}""", "Off", null)]
    [InlineData("""{"action":"Toggle"}""", "Toggle", null)]
    [InlineData("""{"action":"on:90s"}""", "On", 90)]
    [InlineData("""{"action":"off:2h","clickType":"SINGLE"}""", "Off", 7200)]
    public void Parse_DirectCommand_ReadsTheAction(string json, string kind, int? seconds)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(EventSource.Command, parsed.Source);
        Assert.Equal(kind, parsed.Action!.Kind.ToString());
        Assert.Equal(seconds, (int?)parsed.Action.SwitchBackAfter?.TotalSeconds);
    }

    [Theory]
    [InlineData("""{"serialNumber":"X","clickType":"SINGLE","batteryVoltage":"1705mV"}""", 1705, false)]
    [InlineData("""{"clickType":"SINGLE","batteryVoltage":"2000 mV"}""", 2000, false)]
    [InlineData("""{"clickType":"SINGLE","batteryVoltage":"1499MV"}""", 1499, true)]
    public void Parse_BatteryVoltage_IsReadAndJudged(string json, int millivolts, bool low)
    {
        var battery = EventParser.Parse(Encoding.UTF8.GetBytes(json)).Battery;

        Assert.Equal(millivolts, battery?.Millivolts);
        Assert.Equal(low, battery?.IsLow);
    }

    [Theory]
    [InlineData("""{"clickType":"SINGLE","batteryVoltage":"full"}""")]
    [InlineData("""{"clickType":"SINGLE","batteryVoltage":"1.7V"}""")]
    public void Parse_UnreadableBattery_DoesNotStopTheClick(string json)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(ClickType.Single, parsed.ClickType);
        Assert.Null(parsed.Battery);
        Assert.NotNull(parsed.BatteryText);
    }

    [Theory]
    [InlineData("""{"deviceInfo":{"deviceId":"G030PM0123456789"},"deviceEvent":{"deviceHealthMonitor":{"condition":"LOW_BATTERY"}}}""", "LOW_BATTERY")]
    [InlineData("""{"deviceEvent":{"deviceHealthMonitor":{}}}""", null)]
    public void Parse_OneClickHealthEvent_IsRecognizedAsNotAClick(string json, string? condition)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(EventSource.OneClickHealth, parsed.Source);
        Assert.Null(parsed.ClickType);
        Assert.Null(parsed.Action);
        Assert.Equal(condition, parsed.HealthCondition);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"clickType":"SINGLE" """, "not valid JSON")]
    [InlineData("[1,2]", "JSON array, not an object")]
    [InlineData("\"SINGLE\"", "JSON string, not an object")]
    [InlineData("null", "JSON null, not an object")]
    [InlineData("{}", "no click")]
    [InlineData("""{"serialNumber":"G030JF055364XVRB","batteryVoltage":"1705mV"}""", "no click")]
    [InlineData("""{"clickType":"TRIPLE"}""", "clickType 'TRIPLE' is not a click type")]
    [InlineData("""{"clickType":""}""", "clickType '' is not a click type")]
    [InlineData("""{"clickType":true}""", "clickType is a JSON boolean")]
    [InlineData("""{"clickType":null}""", "clickType is a JSON null")]
    [InlineData("""{"action":"blink"}""", "action: 'blink' is not an action")]
    [InlineData("""{"action":"toggle:30m"}""", "toggle takes no duration")]
    [InlineData("""{"action":"on:25h"}""", "outside 1s to 24h")]
    [InlineData("""{"action":true}""", "action is a JSON boolean")]
    [InlineData("""{"deviceEvent":"click"}""", "deviceEvent is a JSON string")]
    [InlineData("""{"deviceEvent":{}}""", "neither buttonClicked")]
    [InlineData("""{"deviceEvent":{"buttonClicked":[]}}""", "deviceEvent.buttonClicked is a JSON array")]
    [InlineData("""{"deviceEvent":{"buttonClicked":{}}}""", "deviceEvent.buttonClicked.clickType is missing")]
    [InlineData("""{"deviceEvent":{"buttonClicked":{"clickType":"HOLD"}}}""", "deviceEvent.buttonClicked.clickType 'HOLD' is not a click type")]
    public void Parse_UnusableEvent_IsInvalidEventNamingTheProblem(string json, string expected)
    {
        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"serialNumber":"G030JF055364XVRB","clickType":"SINGLE","clickId":"5e1f0c8a-3d4b-4c2e-9f61-0a7b8c9d0e1f"}""", "5e1f0c8a-3d4b-4c2e-9f61-0a7b8c9d0e1f")]
    [InlineData("""{"deviceEvent":{"buttonClicked":{"clickType":"DOUBLE"}},"clickId":"one-click-42"}""", "one-click-42")]
    [InlineData("""{"action":"on:30m","clickId":" script-7 "}""", "script-7")]
    [InlineData("""{"clickType":"SINGLE"}""", null)]
    public void Parse_ClickId_IsTheClickKey(string json, string? expected)
    {
        Assert.Equal(expected, EventParser.Parse(Encoding.UTF8.GetBytes(json)).ClickKey);
    }

    [Theory]
    [InlineData("""{"clickType":"SINGLE","clickId":42}""", "clickId is a JSON number")]
    [InlineData("""{"clickType":"SINGLE","clickId":" "}""", "clickId is empty")]
    public void Parse_UnusableClickId_IsInvalidEventNamingIt(string json, string expected)
    {
        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverlongClickId_IsInvalidEvent()
    {
        var json = $$"""{"clickType":"SINGLE","clickId":"{{new string('k', 257)}}"}""";

        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("clickId is 257 characters long", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8InsideAString_IsInvalidEvent()
    {
        byte[] json = [.. "{\"clickType\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(json));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
    }

    [Fact]
    public void Parse_DeepNesting_IsInvalidEvent()
    {
        var json = "{\"clickType\":\"SINGLE\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
    }

    [Fact]
    public void Parse_HugeClickType_QuotesOnlyAPieceOfIt()
    {
        var json = "{\"clickType\":\"" + new string('A', 1_000_000) + "\"}";

        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.True(failure.Message.Length < 200, failure.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
