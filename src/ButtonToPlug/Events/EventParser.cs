using System.Text.Json;
using ButtonToPlug.Actions;

namespace ButtonToPlug.Events;

/// <summary>
/// Tells the accepted event shapes apart by their fields and reads what the function needs from them. Anything it cannot
/// use becomes <see cref="ErrorTypes.InvalidEvent"/> with a message naming the field; no other exception leaves.
/// </summary>
internal static class EventParser
{
    private const string Expected = "expected clickType (AWS IoT Button), deviceEvent.buttonClicked.clickType (AWS IoT 1-Click) or action (direct command)";

    // DynamoDB takes partition keys up to 2048 bytes; a uuid is 36 characters.
    private const int MaxClickIdLength = 256;

    // Events are small; a deep document is garbage, and JsonDocument turns the excess into a JsonException.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static ButtonEvent Parse(ReadOnlyMemory<byte> eventJson)
    {
        // Some editors save a byte order mark; it is not part of the JSON.
        if (eventJson.Span.StartsWith("\uFEFF"u8))
        {
            eventJson = eventJson[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson, Options);
        }
        catch (JsonException exception)
        {
            throw Invalid($"the event is not valid JSON ({FirstSentence(exception.Message)})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid($"the event is a JSON {Describe(root.ValueKind)}, not an object; {Expected}");
            }

            var deviceId = OptionalString(root, "serialNumber", "serialNumber")
                ?? (TryGetObject(root, "deviceInfo", out var info) ? OptionalString(info, "deviceId", "deviceInfo.deviceId") : null);
            var batteryText = OptionalString(root, "batteryVoltage", "batteryVoltage");
            BatteryVoltage? battery = batteryText is not null && BatteryVoltage.TryParse(batteryText, out var reading) ? reading : null;
            var unreadableBattery = battery is null && batteryText is not null ? Quote.Of(batteryText) : null;
            var clickKey = ClickId(root);

            if (root.TryGetProperty("action", out var actionElement))
            {
                var text = RequiredString(actionElement, "action", "a string such as \"on\" or \"off:30m\"");
                if (!ClickAction.TryParse(text, out var action, out var problem))
                {
                    throw Invalid($"action: {problem}");
                }

                return new ButtonEvent(EventSource.Command, null, action, deviceId, battery, unreadableBattery, null) { ClickKey = clickKey };
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
                    return new ButtonEvent(EventSource.OneClick, click, null, deviceId, battery, unreadableBattery, null) { ClickKey = clickKey };
                }

                if (deviceEvent.TryGetProperty("deviceHealthMonitor", out var health))
                {
                    var condition = health.ValueKind == JsonValueKind.Object
                        ? OptionalString(health, "condition", "deviceEvent.deviceHealthMonitor.condition")
                        : null;
                    return new ButtonEvent(EventSource.OneClickHealth, null, null, deviceId, battery, unreadableBattery, condition);
                }

                throw Invalid("deviceEvent has neither buttonClicked (a click) nor deviceHealthMonitor (a health report)");
            }

            if (root.TryGetProperty("clickType", out _))
            {
                var click = ReadClickType(root, "clickType");
                return new ButtonEvent(EventSource.IotButton, click, null, deviceId, battery, unreadableBattery, null) { ClickKey = clickKey };
            }

            throw Invalid($"the event has no click; {Expected}");
        }
    }

    private static ClickType ReadClickType(JsonElement owner, string path)
    {
        if (!owner.TryGetProperty("clickType", out var element))
        {
            throw Invalid($"{path} is missing; expected SINGLE, DOUBLE or LONG");
        }

        var text = RequiredString(element, path, "SINGLE, DOUBLE or LONG");
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Equals("SINGLE", StringComparison.OrdinalIgnoreCase))
        {
            return ClickType.Single;
        }

        if (trimmed.Equals("DOUBLE", StringComparison.OrdinalIgnoreCase))
        {
            return ClickType.Double;
        }

        if (trimmed.Equals("LONG", StringComparison.OrdinalIgnoreCase))
        {
            return ClickType.Long;
        }

        throw Invalid($"{path} {Quote.Of(text)} is not a click type; expected SINGLE, DOUBLE or LONG");
    }

    /// <summary>
    /// The IoT rule's <c>newuuid() AS clickId</c>, or a caller's own id on a direct command: every delivery of one click carries
    /// the same one. Keys are compared as text, so a number or an object sent by mistake is named as an error rather than
    /// quietly turned into some text that a later click might share.
    /// </summary>
    private static string? ClickId(JsonElement root)
    {
        if (!root.TryGetProperty("clickId", out var element))
        {
            return null;
        }

        var text = RequiredString(element, "clickId", "a string such as the IoT rule's newuuid()").Trim();
        return text.Length switch
        {
            0 => throw Invalid("clickId is empty; leave it out, or give each click its own id such as the IoT rule's newuuid()"),
            > MaxClickIdLength => throw Invalid($"clickId is {text.Length} characters long; at most {MaxClickIdLength} are accepted"),
            _ => text,
        };
    }

    private static string RequiredString(JsonElement element, string path, string expected)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"{path} is a JSON {Describe(element.ValueKind)}, expected {expected}");
        }

        return GetString(element, path);
    }

    /// <summary>A field the function only logs: absent or of another JSON type, it is simply not there.</summary>
    private static string? OptionalString(JsonElement owner, string name, string path) =>
        owner.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? GetString(element, path) : null;

    private static string GetString(JsonElement element, string path)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks structure, not the UTF-8 inside strings; decoding is where bad bytes show up.
            throw Invalid($"{path} is not valid UTF-8 text");
        }
    }

    private static bool TryGetObject(JsonElement owner, string name, out JsonElement value) =>
        owner.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "object",
    };

    // The reader's message ends with a hint about JsonSerializerOptions that means nothing to a button owner.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static FunctionException Invalid(string message) => new(ErrorTypes.InvalidEvent, message);
}
