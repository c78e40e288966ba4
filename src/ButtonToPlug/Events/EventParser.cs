using System.Text.Json;
using static ButtonToPlug.Events.EventJson;

namespace ButtonToPlug.Events;

/// <summary>
/// Tells the accepted event shapes apart by their fields and hands each to its reader. Anything it cannot use becomes
/// <see cref="ErrorTypes.InvalidEvent"/> with a message naming the field (an HTTPS caller without a token: Unauthorized);
/// no other exception leaves.
/// </summary>
internal static class EventParser
{
    public static ButtonEvent Parse(ReadOnlyMemory<byte> eventJson) => Parse(eventJson, clientContext: null);

    /// <param name="clientContext">The invocation's <c>Lambda-Runtime-Client-Context</c> JSON: SORACOM Funk puts the SIM there.</param>
    public static ButtonEvent Parse(ReadOnlyMemory<byte> eventJson, string? clientContext)
    {
        using var document = ParseDocument(eventJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"the event is a JSON {Describe(root.ValueKind)}, not an object; {IotEventReader.Expected}");
        }

        if (FunctionUrlEventReader.Matches(root))
        {
            return FunctionUrlEventReader.Read(root);
        }

        if (ShellyEventReader.Matches(root))
        {
            return ShellyEventReader.Read(root);
        }

        if (SoracomEventReader.Matches(root))
        {
            return SoracomEventReader.Read(root, SimIdentity.From(clientContext));
        }

        return IotEventReader.Read(root);
    }

    /// <summary>Parses the bytes as a JSON document (a byte order mark skipped), or throws InvalidEvent.</summary>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> eventJson)
    {
        // Some editors save a byte order mark; it is not part of the JSON.
        if (eventJson.Span.StartsWith("\uFEFF"u8))
        {
            eventJson = eventJson[3..];
        }

        try
        {
            return JsonDocument.Parse(eventJson, Options);
        }
        catch (JsonException exception)
        {
            throw Invalid($"the event is not valid JSON ({FirstSentence(exception.Message)})");
        }
    }
}
