using System.Text.Json;
using System.Text.RegularExpressions;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>Which of the shapes in CONTRACTS.md section 1 (or the local settings file) a JSON file in events/ has.</summary>
internal static partial class EventFileShape
{
    public const string ClassicClick = "classic button click";
    public const string OneClick = "IoT 1-Click click";
    public const string DirectAction = "direct action";
    public const string BareClick = "bare clickType";
    public const string Settings = "settings for buttontoplug press";
    public const string SoracomPlus = "SORACOM LTE-M Button Plus click";
    public const string SoracomGlobal = "SORACOM LTE-M Button (global) click";
    public const string Shelly = "Shelly NotifyEvent";
    public const string Https = "HTTPS Function URL request";

    // CONTRACTS.md section 2 names, plus the KLAP credentials of issue 7.
    private static readonly HashSet<string> SettingNames = new(StringComparer.Ordinal)
    {
        "host", "port", "outlet", "single", "double", "long", "timeout", "protocol", "username", "password", "webhook-token",
    };

    private static readonly string[] SoracomClickNames = ["SINGLE", "DOUBLE", "LONG"];
    private static readonly string[] DetectTypes = ["Single short click", "Double short click", "Single long click"];
    private static readonly string[] ShellyPushes = ["single_push", "double_push", "long_push"];

    public static string Classify(string fileName, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{fileName}: not a JSON object");
        }

        if (fileName.StartsWith("settings", StringComparison.Ordinal))
        {
            var names = root.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains("host", names);
            Assert.All(names, name => Assert.Contains(name, SettingNames));
            Assert.All(root.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
            return Settings;
        }

        if (root.TryGetProperty("clickType", out var numeric) && numeric.ValueKind == JsonValueKind.Number)
        {
            var number = numeric.GetInt32();
            Assert.InRange(number, 1, 3);
            Assert.Equal(SoracomClickNames[number - 1], root.GetProperty("clickTypeName").GetString());
            Assert.InRange(root.GetProperty("batteryLevel").GetDouble(), 0.25, 1.0);
            return SoracomPlus;
        }

        if (root.TryGetProperty("detect_type", out var detect))
        {
            Assert.Contains(detect.GetString(), DetectTypes);
            Assert.True(root.GetProperty("seq_number").GetInt32() >= 0, $"{fileName}: seq_number");
            Assert.InRange(root.GetProperty("batt_vol").GetInt32(), 2000, 3300);
            return SoracomGlobal;
        }

        if (root.TryGetProperty("method", out var method))
        {
            Assert.Equal("NotifyEvent", method.GetString());
            Assert.Matches("^shelly[a-z0-9]+-[0-9a-f]{12}$", root.GetProperty("src").GetString());
            var events = root.GetProperty("params").GetProperty("events").EnumerateArray().ToList();
            Assert.Contains(events, e => ShellyPushes.Contains(e.GetProperty("event").GetString()));
            return Shelly;
        }

        if (root.TryGetProperty("requestContext", out var request))
        {
            Assert.Equal("2.0", root.GetProperty("version").GetString());
            Assert.Equal("POST", request.GetProperty("http").GetProperty("method").GetString());
            Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
            var headers = root.GetProperty("headers");
            Assert.All(headers.EnumerateObject(), header => Assert.Equal(header.Name.ToLowerInvariant(), header.Name));
            Assert.StartsWith("Bearer ", headers.GetProperty("authorization").GetString(), StringComparison.Ordinal);
            using var body = JsonDocument.Parse(root.GetProperty("body").GetString()!);
            Assert.True(IsClickType(body.RootElement.GetProperty("clickType")), $"{fileName}: body clickType");
            return Https;
        }

        if (root.TryGetProperty("serialNumber", out var serial))
        {
            Assert.Matches("^[A-Z0-9]+$", serial.GetString());
            Assert.True(IsClickType(root.GetProperty("clickType")), $"{fileName}: clickType");
            Assert.Matches(@"^\d+ ?mV$", root.GetProperty("batteryVoltage").GetString());
            return ClassicClick;
        }

        if (root.TryGetProperty("deviceEvent", out var deviceEvent))
        {
            Assert.True(IsClickType(deviceEvent.GetProperty("buttonClicked").GetProperty("clickType")), $"{fileName}: clickType");
            Assert.False(string.IsNullOrEmpty(root.GetProperty("deviceInfo").GetProperty("deviceId").GetString()));
            return OneClick;
        }

        if (root.TryGetProperty("action", out var action))
        {
            Assert.Matches(ActionPattern(), action.GetString());
            return DirectAction;
        }

        if (root.TryGetProperty("clickType", out var clickType) && IsClickType(clickType))
        {
            return BareClick;
        }

        throw new InvalidDataException($"{fileName}: matches none of the event shapes in CONTRACTS.md section 1");
    }

    private static bool IsClickType(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && value.GetString()!.ToUpperInvariant() is "SINGLE" or "DOUBLE" or "LONG";

    [GeneratedRegex(@"^(on|off|toggle|(on|off):[1-9][0-9]*[smh])$")]
    private static partial Regex ActionPattern();
}
