using ButtonToPlug.Actions;

namespace ButtonToPlug.Tests.Actions;

public sealed class ClickActionTests
{
    [Theory]
    [InlineData("on", "On", null, "on")]
    [InlineData("OFF", "Off", null, "off")]
    [InlineData(" toggle ", "Toggle", null, "toggle")]
    [InlineData("on:90s", "On", 90, "on:1m30s")]
    [InlineData("On:30M", "On", 1800, "on:30m")]
    [InlineData("off:2h", "Off", 7200, "off:2h")]
    [InlineData("off:1h30m", "Off", 5400, "off:1h30m")]
    [InlineData("on : 1s", "On", 1, "on:1s")]
    [InlineData("on:24h", "On", 86400, "on:24h")]
    [InlineData("on:1h0m1s", "On", 3601, "on:1h1s")]
    public void TryParse_ValidAction_ReadsKindAndDuration(string text, string kind, int? seconds, string canonical)
    {
        Assert.True(ClickAction.TryParse(text, out var action, out var problem), problem);

        Assert.Equal(kind, action.Kind.ToString());
        Assert.Equal(seconds, (int?)action.SwitchBackAfter?.TotalSeconds);
        Assert.Equal(canonical, action.ToString());
    }

    [Theory]
    [InlineData("", "is not an action")]
    [InlineData("blink", "'blink' is not an action")]
    [InlineData("onn", "is not an action")]
    [InlineData("toggle:5m", "toggle takes no duration")]
    [InlineData("on:", "duration is missing")]
    [InlineData("on:0s", "outside 1s to 24h")]
    [InlineData("on:24h1s", "outside 1s to 24h")]
    [InlineData("on:90", "is not a duration")]
    [InlineData("on:5d", "is not a duration")]
    [InlineData("on:30m2h", "is not a duration")]
    [InlineData("on:1m1m", "is not a duration")]
    [InlineData("on:-5m", "is not a duration")]
    [InlineData("on:1.5h", "is not a duration")]
    [InlineData("on:9999999999999s", "is not a duration")]
    public void TryParse_InvalidAction_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(ClickAction.TryParse(text, out _, out var problem));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
