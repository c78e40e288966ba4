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

    // CONTRACTS.md section 2 names, plus the KLAP credentials of issue 7.
    private static readonly HashSet<string> SettingNames = new(StringComparer.Ordinal)
    {
        "host", "port", "outlet", "single", "double", "long", "timeout", "protocol", "username", "password",
    };

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
