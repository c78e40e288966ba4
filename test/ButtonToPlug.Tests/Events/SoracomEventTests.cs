using System.Text;
using ButtonToPlug.Events;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Events;

public sealed class SoracomEventTests
{
    private static readonly string ClientContext = File.ReadAllText(RepositoryFiles.SoracomClientContext);

    [Theory]
    [InlineData("""{"clickType":1,"clickTypeName":"SINGLE","batteryLevel":0.75,"binaryParserEnabled":true}""", "Single")]
    [InlineData("""{"clickType":2,"clickTypeName":"DOUBLE","batteryLevel":1.0}""", "Double")]
    [InlineData("""{"clickType":3,"clickTypeName":"long"}""", "Long")]
    [InlineData("""{"clickType":3}""", "Long")]
    public void Parse_ButtonPlus_ReadsTheNumericClickType(string json, string click)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(json), ClientContext);

        Assert.Equal(EventSource.SoracomPlus, parsed.Source);
        Assert.Equal(click, parsed.ClickType.ToString());
        Assert.Equal("8942310022000012345", parsed.DeviceId);
    }

    [Theory]
    [InlineData(0.25, true)]
    [InlineData(0.5, false)]
    [InlineData(1.0, false)]
    public void Parse_ButtonPlusBattery_IsLowAtOrBelowAQuarter(double level, bool low)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes($$"""{"clickType":1,"batteryLevel":{{level.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"""));

        Assert.Equal(low, parsed.Level!.Value.IsLow);
        Assert.Null(parsed.Battery);
    }

    [Theory]
    [InlineData("""{"clickType":4,"clickTypeName":"SINGLE"}""", "clickType 4 is not a SORACOM click type")]
    [InlineData("""{"clickType":0}""", "expected 1 (SINGLE), 2 (DOUBLE) or 3 (LONG)")]
    [InlineData("""{"clickType":1.5}""", "clickType 1.5 is not a SORACOM click type")]
    [InlineData("""{"clickType":1,"clickTypeName":"DOUBLE"}""", "clickTypeName 'DOUBLE' disagrees with clickType 1 (SINGLE)")]
    [InlineData("""{"clickType":2,"clickTypeName":"TRIPLE"}""", "clickTypeName 'TRIPLE' disagrees with clickType 2 (DOUBLE)")]
    [InlineData("""{"clickType":3,"clickTypeName":3}""", "clickTypeName is a JSON number")]
    [InlineData("""{"detect_type":"Extra long click","seq_number":1}""", "detect_type 'Extra long click' is not a click")]
    [InlineData("""{"detect_type":7}""", "detect_type is a JSON number")]
    public void Parse_BadSoracomClick_IsInvalidEventNamingTheField(string json, string expected)
    {
        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(json), ClientContext));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Single short click", "Single")]
    [InlineData("Double short click", "Double")]
    [InlineData("Single long click", "Long")]
    [InlineData("single LONG click", "Long")]
    public void Parse_GlobalButton_ReadsDetectType(string detectType, string click)
    {
        var json = $$"""{"prod_type":1,"msg_type":"event","seq_number":42,"batt_vol":3000,"detect_type":"{{detectType}}"}""";

        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(json), ClientContext);

        Assert.Equal(EventSource.SoracomButton, parsed.Source);
        Assert.Equal(click, parsed.ClickType.ToString());
        Assert.Equal(3000, parsed.Battery!.Value.Millivolts);
        Assert.False(parsed.Battery.Value.IsLow);
        Assert.Equal("soracom:8942310022000012345:42", parsed.ClickKey);
    }

    [Theory]
    [InlineData(2499, true)]
    [InlineData(2500, false)]
    [InlineData(1600, true)]
    public void Parse_GlobalButtonBattery_UsesItsOwnTwoCellScale(int millivolts, bool low)
    {
        var parsed = EventParser.Parse(Encoding.UTF8.GetBytes($$"""{"detect_type":"Single short click","batt_vol":{{millivolts}}}"""));

        Assert.Equal(low, parsed.Battery!.Value.IsLow);
    }

    [Theory]
    [InlineData("""{"custom":{"imsi":"295050912345678","simId":"8942310022000012345"}}""", "8942310022000012345")]
    [InlineData("""{"custom":{"imsi":"440525060012345"}}""", "440525060012345")]
    [InlineData("""{"custom":{}}""", null)]
    [InlineData("""{"client":{"installation_id":"x"}}""", null)]
    [InlineData("not json", null)]
    [InlineData(null, null)]
    public void Parse_GlobalButton_TakesTheSimIdElseTheImsiFromTheClientContext(string? clientContext, string? deviceId)
    {
        var parsed = EventParser.Parse("""{"detect_type":"Single short click","seq_number":7}"""u8.ToArray(), clientContext);

        Assert.Equal(deviceId, parsed.DeviceId);
        Assert.Equal(deviceId is null ? null : $"soracom:{deviceId}:7", parsed.ClickKey);
    }

    [Fact]
    public void Parse_GlobalButtonStatusMessage_IsIgnoredNotAnError()
    {
        var parsed = EventParser.Parse("""{"prod_type":1,"msg_type":"status","seq_number":3,"batt_vol":2900}"""u8.ToArray(), ClientContext);

        Assert.Null(parsed.ClickType);
        Assert.Contains("'status' message", parsed.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnreadableBattery_IsAWarningNotAnError()
    {
        var parsed = EventParser.Parse("""{"detect_type":"Single short click","batt_vol":"full"}"""u8.ToArray());

        Assert.Null(parsed.Battery);
        Assert.Contains("batt_vol (a JSON string) is not a reading", parsed.BatteryWarning, StringComparison.Ordinal);
    }
}
