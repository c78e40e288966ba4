using System.Text;
using ButtonToPlug.Events;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Events;

public sealed class ShellyEventTests
{
    [Theory]
    [InlineData("single_push", "Single")]
    [InlineData("double_push", "Double")]
    [InlineData("long_push", "Long")]
    public void Parse_NotifyEventPush_IsAClickOfTheDevice(string push, string click)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(Notify($$"""[{"component":"input:0","id":0,"event":"{{push}}","ts":1764600000.12}]""")));

        Assert.Equal(EventSource.Shelly, parsed.Source);
        Assert.Equal(click, parsed.ClickType.ToString());
        Assert.Equal("shellyplusi4-a8032ab1b2c3", parsed.DeviceId);
        Assert.Equal("shelly:shellyplusi4-a8032ab1b2c3:1764600000.12", parsed.ClickKey);
    }

    [Fact]
    public void Parse_RuleAddedClickId_IsTheKey()
    {
        var parsed = EventParser.Parse(File.ReadAllBytes(RepositoryFiles.Event("shelly-long-push.json")));

        Assert.Equal("5f1c2b8e-3a4d-4e6f-9b0a-1c2d3e4f5a6b", parsed.ClickKey);
    }

    [Theory]
    [InlineData("btn_down")]
    [InlineData("btn_up")]
    [InlineData("triple_push")]
    [InlineData("config_changed")]
    public void Parse_OtherEvent_IsIgnoredNotAnError(string other)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(Notify($$"""[{"component":"input:1","id":1,"event":"{{other}}","ts":1.5}]""")));

        Assert.Null(parsed.ClickType);
        Assert.Equal($"Shelly '{other}' from 'shellyplusi4-a8032ab1b2c3' 'input:1', not a click", parsed.IgnoredReason);
    }

    [Fact]
    public void Parse_NotifyStatus_IsIgnoredNotAnError()
    {
        var parsed = EventParser.Parse("""{"src":"shellyplusi4-a8032ab1b2c3","dst":"x/events","method":"NotifyStatus","params":{"ts":1,"input:0":{"state":true}}}"""u8.ToArray());

        Assert.Contains("'NotifyStatus' notification", parsed.IgnoredReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"src":"shellyplusi4-a8032ab1b2c3","method":"NotifyEvent","params":{"ts":1764600000.12}}""", "has no params.events")]
    [InlineData("""{"src":"shellyplusi4-a8032ab1b2c3","method":"NotifyEvent","params":{"ts":1,"events":[]}}""", "has no params.events (or an empty one)")]
    [InlineData("""{"src":"shellyplusi4-a8032ab1b2c3","method":"NotifyEvent","params":{"ts":1,"events":{}}}""", "has no params.events")]
    [InlineData("""{"src":"shellyplusi4-a8032ab1b2c3","method":"NotifyEvent"}""", "has no params object")]
    [InlineData("""{"src":"shellyplusi4-a8032ab1b2c3","method":"NotifyEvent","params":{"events":[{"component":"input:0"}]}}""", "an entry without event")]
    [InlineData("""{"src":42,"method":"NotifyEvent"}""", "src is a JSON number")]
    public void Parse_BadNotifyEvent_IsInvalidEventNamingWhatIsMissing(string json, string expected)
    {
        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    private static string Notify(string events) =>
        $$$"""{"src":"shellyplusi4-a8032ab1b2c3","dst":"shellyplusi4/events","method":"NotifyEvent","params":{"ts":1764600000.12,"events":{{{events}}}}}""";
}
