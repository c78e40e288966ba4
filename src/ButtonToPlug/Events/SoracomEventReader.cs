using System.Globalization;
using System.Text.Json;
using static ButtonToPlug.Events.EventJson;

namespace ButtonToPlug.Events;

/// <summary>
/// SORACOM's LTE-M buttons as SORACOM Funk hands them to Lambda: the Button Plus / Enterprise (<c>clickType</c> 1/2/3 with
/// <c>clickTypeName</c>, <c>batteryLevel</c>) and the global button (<c>detect_type</c>, <c>seq_number</c>, <c>batt_vol</c>).
/// The SIM's id comes from the client context and names the button in the log and in the click's key.
/// </summary>
internal static class SoracomEventReader
{
    private static readonly (string DetectType, ClickType Click)[] DetectTypes =
        [("Single short click", ClickType.Single), ("Double short click", ClickType.Double), ("Single long click", ClickType.Long)];

    /// <summary>A numeric <c>clickType</c> (Plus), or the global button's <c>detect_type</c> / <c>msg_type</c> with <c>prod_type</c>.</summary>
    public static bool Matches(JsonElement root) =>
        (root.TryGetProperty("clickType", out var click) && click.ValueKind == JsonValueKind.Number)
        || root.TryGetProperty("detect_type", out _)
        || (root.TryGetProperty("msg_type", out _) && root.TryGetProperty("prod_type", out _));

    public static ButtonEvent Read(JsonElement root, string? simId) =>
        root.TryGetProperty("clickType", out var click) && click.ValueKind == JsonValueKind.Number
            ? ReadPlus(root, click, simId)
            : ReadGlobal(root, simId);

    private static ButtonEvent ReadPlus(JsonElement root, JsonElement clickElement, string? simId)
    {
        var click = clickElement.TryGetInt32(out var number) ? number switch
        {
            1 => ClickType.Single,
            2 => ClickType.Double,
            3 => ClickType.Long,
            _ => (ClickType?)null,
        } : null;
        if (click is not { } type)
        {
            throw Invalid($"clickType {Shown(clickElement)} is not a SORACOM click type; expected 1 (SINGLE), 2 (DOUBLE) or 3 (LONG)");
        }

        if (root.TryGetProperty("clickTypeName", out var nameElement))
        {
            var name = RequiredString(nameElement, "clickTypeName", "SINGLE, DOUBLE or LONG");
            if (!TryClickType(name, out var named) || named != type)
            {
                throw Invalid($"clickTypeName {Quote.Of(name)} disagrees with clickType {number} ({Name(type)}); "
                    + "SORACOM sends 1 SINGLE, 2 DOUBLE, 3 LONG: fix the test event");
            }
        }

        BatteryLevel? level = null;
        string? warning = null;
        if (root.TryGetProperty("batteryLevel", out var levelElement))
        {
            if (levelElement.ValueKind == JsonValueKind.Number && levelElement.TryGetDouble(out var fraction) && fraction is >= 0 and <= 1)
            {
                level = new BatteryLevel(fraction);
            }
            else
            {
                warning = $"batteryLevel {Shown(levelElement)} is not a fraction from 0.25 to 1.0; ignored";
            }
        }

        return new ButtonEvent(EventSource.SoracomPlus, type, null, simId, null, null, null) { Level = level, BatteryWarning = warning };
    }

    private static ButtonEvent ReadGlobal(JsonElement root, string? simId)
    {
        BatteryVoltage? battery = null;
        string? warning = null;
        if (root.TryGetProperty("batt_vol", out var volts))
        {
            if (volts.ValueKind == JsonValueKind.Number && volts.TryGetInt32(out var millivolts) && millivolts is >= 0 and <= 10_000)
            {
                battery = new BatteryVoltage(millivolts) { LowBelowMillivolts = BatteryVoltage.SoracomLowMillivolts };
            }
            else
            {
                warning = $"batt_vol {Shown(volts)} is not a reading in millivolts like 3000; ignored";
            }
        }

        string? key = null;
        if (simId is not null && root.TryGetProperty("seq_number", out var sequence) && sequence.ValueKind == JsonValueKind.Number
            && sequence.TryGetInt64(out var seq) && seq >= 0)
        {
            key = $"soracom:{simId}:{seq.ToString(CultureInfo.InvariantCulture)}";
        }

        if (!root.TryGetProperty("detect_type", out var detect))
        {
            // Status and timer messages (an extra-long press, the daily report) come through Funk too; they are not clicks.
            var kind = OptionalString(root, "msg_type", "msg_type") ?? "message";
            return new ButtonEvent(EventSource.SoracomButton, null, null, simId, battery, null, null)
            {
                IgnoredReason = $"SORACOM LTE-M Button {Quote.Of(kind)} message without detect_type, not a click",
                BatteryWarning = warning,
            };
        }

        var text = RequiredString(detect, "detect_type", "\"Single short click\", \"Double short click\" or \"Single long click\"");
        var trimmed = text.AsSpan().Trim();
        foreach (var (name, click) in DetectTypes)
        {
            if (trimmed.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return new ButtonEvent(EventSource.SoracomButton, click, null, simId, battery, null, null) { ClickKey = key, BatteryWarning = warning };
            }
        }

        throw Invalid($"detect_type {Quote.Of(text)} is not a click; expected \"Single short click\", \"Double short click\" or \"Single long click\"");
    }

    private static string Name(ClickType click) => click.ToString().ToUpperInvariant();

    /// <summary>A number as written (clipped); anything else by its JSON type, so no invalid text reaches a message.</summary>
    private static string Shown(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            return $"(a JSON {Describe(element.ValueKind)})";
        }

        var raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
