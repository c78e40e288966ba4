using System.Text.Json;
using ButtonToPlug.Actions;
using static ButtonToPlug.Events.EventJson;

namespace ButtonToPlug.Events;

/// <summary>The shapes of the AWS IoT era: the classic button, AWS IoT 1-Click (and its health reports), and a direct command.</summary>
internal static class IotEventReader
{
    public const string Expected =
        "expected clickType (a button), deviceEvent.buttonClicked.clickType (AWS IoT 1-Click), action (direct command), "
        + "detect_type (SORACOM LTE-M Button), method NotifyEvent (Shelly) or an HTTPS request through the Function URL";

    public static ButtonEvent Read(JsonElement root)
    {
        var deviceId = OptionalString(root, "serialNumber", "serialNumber")
            ?? (TryGetObject(root, "deviceInfo", out var info) ? OptionalString(info, "deviceId", "deviceInfo.deviceId") : null);
        var batteryText = OptionalString(root, "batteryVoltage", "batteryVoltage");
        BatteryVoltage? battery = batteryText is not null && BatteryVoltage.TryParse(batteryText, out var reading) ? reading : null;
        var unreadableBattery = battery is null && batteryText is not null ? Quote.Of(batteryText) : null;

        if (root.TryGetProperty("action", out var actionElement))
        {
            return new ButtonEvent(EventSource.Command, null, ReadAction(actionElement, "action"), deviceId, battery, unreadableBattery, null) { ClickKey = ClickId(root) };
        }

        if (root.TryGetProperty("deviceEvent", out var deviceEvent))
        {
            if (deviceEvent.ValueKind != JsonValueKind.Object)
            {
                throw Invalid($"deviceEvent is a JSON {Describe(deviceEvent.ValueKind)}, expected an object with buttonClicked");
            }

            if (deviceEvent.TryGetProperty("buttonClicked", out var clicked))
            {
                if (clicked.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid($"deviceEvent.buttonClicked is a JSON {Describe(clicked.ValueKind)}, expected an object with clickType");
                }

                var click = ReadClickType(clicked, "deviceEvent.buttonClicked.clickType");
                return new ButtonEvent(EventSource.OneClick, click, null, deviceId, battery, unreadableBattery, null) { ClickKey = ClickId(root) };
            }

            if (deviceEvent.TryGetProperty("deviceHealthMonitor", out var health))
            {
                var condition = health.ValueKind == JsonValueKind.Object
                    ? OptionalString(health, "condition", "deviceEvent.deviceHealthMonitor.condition")
                    : null;
                return new ButtonEvent(EventSource.OneClickHealth, null, null, deviceId, battery, unreadableBattery, condition)
                {
                    IgnoredReason = $"AWS IoT 1-Click health event ({condition ?? "deviceHealthMonitor"}), not a click",
                };
            }

            throw Invalid("deviceEvent has neither buttonClicked (a click) nor deviceHealthMonitor (a health report)");
        }

        if (root.TryGetProperty("clickType", out _))
        {
            var click = ReadClickType(root, "clickType");
            return new ButtonEvent(EventSource.IotButton, click, null, deviceId, battery, unreadableBattery, null) { ClickKey = ClickId(root) };
        }

        throw Invalid($"the event has no click; {Expected}");
    }

    public static ClickAction ReadAction(JsonElement element, string path)
    {
        var text = RequiredString(element, path, "a string such as \"on\" or \"off:30m\"");
        return ClickAction.TryParse(text, out var action, out var problem) ? action : throw Invalid($"{path}: {problem}");
    }
}
