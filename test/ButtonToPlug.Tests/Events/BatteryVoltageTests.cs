using ButtonToPlug.Events;

namespace ButtonToPlug.Tests.Events;

public sealed class BatteryVoltageTests
{
    [Theory]
    [InlineData("1705mV", 1705)]
    [InlineData("2000 mV", 2000)]
    [InlineData(" 1500MV ", 1500)]
    public void TryParse_Reading_GivesMillivolts(string text, int millivolts)
    {
        Assert.True(BatteryVoltage.TryParse(text, out var voltage));
        Assert.Equal(millivolts, voltage.Millivolts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mV")]
    [InlineData("1705")]
    [InlineData("1.7V")]
    [InlineData("-5mV")]
    [InlineData("99999999mV")]
    public void TryParse_NotAReading_IsRefused(string text) => Assert.False(BatteryVoltage.TryParse(text, out _));

    [Theory]
    [InlineData(1499, true)]
    [InlineData(1500, false)]
    [InlineData(1705, false)]
    public void IsLow_Under1500Millivolts(int millivolts, bool low) => Assert.Equal(low, new BatteryVoltage(millivolts).IsLow);
}
