using System.Text.Json;
using static ButtonToPlug.Events.EventJson;

namespace ButtonToPlug.Events;

/// <summary>
/// A Shelly Gen2+ device's RPC notification from <c>&lt;prefix&gt;/events/rpc</c>. A <c>NotifyEvent</c> whose events hold
/// <c>single_push</c>, <c>double_push</c> or <c>long_push</c> is a click; every other event or notification (btn_down,
/// btn_up, triple_push, NotifyStatus) shares the topic and is acknowledged as ignored.
/// </summary>
internal static class ShellyEventReader
{
    private const string Expected = "expected params.events, an array of {\"component\":\"input:0\",\"event\":\"single_push\"}";

    private static readonly (string Event, ClickType Click)[] Pushes =
        [("single_push", ClickType.Single), ("double_push", ClickType.Double), ("long_push", ClickType.Long)];

    /// <summary>An RPC frame: <c>src</c> (the device) and <c>method</c>.</summary>
    public static bool Matches(JsonElement root) => root.TryGetProperty("src", out _) && root.TryGetProperty("method", out _);

    public static ButtonEvent Read(JsonElement root)
    {
        var src = RequiredString(root.GetProperty("src"), "src", "the Shelly device id, like \"shellyplusi4-a8032ab1b2c3\"");
        var method = RequiredString(root.GetProperty("method"), "method", "\"NotifyEvent\"");
        if (method != "NotifyEvent")
        {
            return Ignored(src, $"Shelly {Quote.Of(method)} notification from {Quote.Of(src)}, not a button event");
        }

        if (!TryGetObject(root, "params", out var parameters))
        {
            throw Invalid($"the Shelly NotifyEvent from {Quote.Of(src)} has no params object; {Expected}");
        }

        if (!parameters.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array || events.GetArrayLength() == 0)
        {
            throw Invalid($"the Shelly NotifyEvent from {Quote.Of(src)} has no params.events (or an empty one); {Expected}");
        }

        (string Name, string? Component)? other = null;
        foreach (var entry in events.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("event", out var eventElement))
            {
                throw Invalid($"params.events of the Shelly NotifyEvent from {Quote.Of(src)} holds an entry without event; {Expected}");
            }

            var name = RequiredString(eventElement, "params.events[].event", "a Shelly event name such as \"single_push\"");
            foreach (var (push, click) in Pushes)
            {
                if (name == push)
                {
                    return new ButtonEvent(EventSource.Shelly, click, null, src, null, null, null) { ClickKey = Key(root, parameters, src) };
                }
            }

            other ??= (name, OptionalString(entry, "component", "params.events[].component"));
        }

        var (ignored, component) = other!.Value;
        return Ignored(src, $"Shelly {Quote.Of(ignored)} from {Quote.Of(src)}{(component is null ? "" : $" {Quote.Of(component)}")}, not a click");
    }

    /// <summary>The rule's <c>clickId</c> where the rule adds one; else the device and its event time, the same in every delivery.</summary>
    private static string? Key(JsonElement root, JsonElement parameters, string src)
    {
        if (ClickId(root) is { } clickId)
        {
            return clickId;
        }

        return parameters.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.Number ? $"shelly:{src}:{ts.GetRawText()}" : null;
    }

    private static ButtonEvent Ignored(string src, string reason) =>
        new(EventSource.Shelly, null, null, src, null, null, null) { IgnoredReason = reason };
}
