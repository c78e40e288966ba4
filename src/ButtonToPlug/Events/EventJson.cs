using System.Text.Json;

namespace ButtonToPlug.Events;

/// <summary>What every event reader needs from a JSON element: typed fields, and an InvalidEvent that names the field.</summary>
internal static class EventJson
{
    // Events are small; a deep document is garbage, and JsonDocument turns the excess into a JsonException.
    // DynamoDB takes partition keys up to 2048 bytes; a uuid is 36 characters.
    private const int MaxClickIdLength = 256;

    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    private static readonly (string Name, ClickType Type)[] ClickNames =
        [("SINGLE", ClickType.Single), ("DOUBLE", ClickType.Double), ("LONG", ClickType.Long)];

    public static ClickType ReadClickType(JsonElement owner, string path)
    {
        if (!owner.TryGetProperty("clickType", out var element))
        {
            throw Invalid($"{path} is missing; expected SINGLE, DOUBLE or LONG");
        }

        var text = RequiredString(element, path, "SINGLE, DOUBLE or LONG");
        return TryClickType(text, out var click)
            ? click
            : throw Invalid($"{path} {Quote.Of(text)} is not a click type; expected SINGLE, DOUBLE or LONG");
    }

    /// <summary>SINGLE, DOUBLE or LONG in any letter case, blanks around allowed.</summary>
    public static bool TryClickType(string text, out ClickType click)
    {
        var trimmed = text.AsSpan().Trim();
        foreach (var (name, type) in ClickNames)
        {
            if (trimmed.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                click = type;
                return true;
            }
        }

        click = default;
        return false;
    }

    public static string RequiredString(JsonElement element, string path, string expected)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"{path} is a JSON {Describe(element.ValueKind)}, expected {expected}");
        }

        return GetString(element, path);
    }

    /// <summary>A field the function only logs: absent or of another JSON type, it is simply not there.</summary>
    public static string? OptionalString(JsonElement owner, string name, string path) =>
        owner.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? GetString(element, path) : null;

    public static string GetString(JsonElement element, string path)
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

    public static bool TryGetObject(JsonElement owner, string name, out JsonElement value) =>
        owner.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "object",
    };

    // The reader's message ends with a hint about JsonSerializerOptions that means nothing to a button owner.
    public static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    public static FunctionException Invalid(string message) => new(ErrorTypes.InvalidEvent, message);

    /// <summary>
    /// The IoT rule's <c>newuuid() AS clickId</c>, or a caller's own id on a direct command: every delivery of one click carries
    /// the same one. Keys are compared as text, so a number or an object sent by mistake is named as an error rather than
    /// quietly turned into some text that a later click might share.
    /// </summary>
    public static string? ClickId(JsonElement root)
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
}
