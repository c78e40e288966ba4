using System.Text.Json;

namespace ButtonToPlug.Events;

/// <summary>
/// The SIM a SORACOM click came from, read from the Lambda client context SORACOM Funk sends:
/// <c>{"custom":{"imsi":"…","simId":"…","operatorId":"…","srn":"…"}}</c>. The id is <c>simId</c>, else <c>imsi</c>.
/// </summary>
internal static class SimIdentity
{
    /// <returns>The SIM's id, or null when there is no client context or it names no SIM (a console test, a script).</returns>
    public static string? From(string? clientContext)
    {
        if (string.IsNullOrWhiteSpace(clientContext))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(clientContext, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom", out var custom) || custom.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return Id(custom, "simId") ?? Id(custom, "imsi");
        }
        catch (JsonException)
        {
            // The context comes from the platform, not the button; an unreadable one only costs the log its device id.
            return null;
        }
    }

    private static string? Id(JsonElement custom, string name) =>
        custom.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 and <= 64 } id && id.All(char.IsAsciiLetterOrDigit)
            ? id
            : null;
}
