using System.Text.Json;
using ButtonToPlug.Actions;
using static ButtonToPlug.Events.EventJson;

namespace ButtonToPlug.Events;

/// <summary>
/// An HTTPS request through the function's Lambda Function URL (payload format 2.0). The caller's token is taken first,
/// so a request without one is refused before anything else is read; then the click, from the JSON body or the query.
/// </summary>
internal static class FunctionUrlEventReader
{
    private const string HowToClick = "send the JSON body {\"clickType\":\"SINGLE\"} or {\"action\":\"on\"}, or use ?click=single or ?action=on";

    /// <summary>The Function URL's request: <c>requestContext.http</c>.</summary>
    public static bool Matches(JsonElement root) => TryGetObject(root, "requestContext", out var context) && TryGetObject(context, "http", out _);

    public static ButtonEvent Read(JsonElement root)
    {
        var query = FunctionUrlQuery.Parse(OptionalString(root, "rawQueryString", "rawQueryString") ?? "");
        var caller = ReadToken(root, query);

        if (root.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True)
        {
            throw Invalid("the HTTPS body arrived base64-encoded, which the Function URL does for content types that are not text: "
                + "send it with Content-Type: application/json, or put the click in the query (?click=single)");
        }

        var (click, action) = ReadClick(root, query);
        return new ButtonEvent(EventSource.Https, click, action, null, null, null, null)
        {
            Caller = caller,
            ClickKey = FunctionUrlHeaders.IdempotencyKey(root),
        };
    }

    private static PresentedToken ReadToken(JsonElement root, FunctionUrlQuery query)
    {
        var authorization = FunctionUrlHeaders.Get(root, "authorization");
        if (authorization is not null)
        {
            var span = authorization.AsSpan().Trim();
            if (span.Length <= 7 || !span.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                throw Unauthorized("the Authorization header is not \"Bearer <token>\"");
            }

            return new PresentedToken(span[7..].Trim().ToString());
        }

        if (query.Single("token") is { } token)
        {
            return new PresentedToken(token);
        }

        throw Unauthorized("the request carries no token: send the header Authorization: Bearer <token>, "
            + "or ?token=<token> for a client that cannot set headers");
    }

    private static (ClickType? Click, ClickAction? Action) ReadClick(JsonElement root, FunctionUrlQuery query)
    {
        var queryClick = query.Single("click");
        var queryAction = query.Single("action");
        if (queryClick is not null && queryAction is not null)
        {
            throw Invalid("the query has both click and action; give one of them");
        }

        var body = root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind == JsonValueKind.String
            ? GetString(bodyElement, "body")
            : null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            if (queryClick is not null || queryAction is not null)
            {
                throw Invalid("the click is given both in the body and in the query; give it in one place");
            }

            return ReadBody(body);
        }

        if (queryAction is not null)
        {
            return ClickAction.TryParse(queryAction, out var action, out var problem)
                ? (null, action)
                : throw Invalid($"query action: {problem}");
        }

        if (queryClick is not null)
        {
            return TryClickType(queryClick, out var click)
                ? (click, null)
                : throw Invalid($"query click {Quote.Of(queryClick)} is not a click type; expected single, double or long");
        }

        throw Invalid($"the HTTPS request has no click: {HowToClick}");
    }

    private static (ClickType? Click, ClickAction? Action) ReadBody(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException exception)
        {
            throw Invalid($"the HTTPS body is not JSON ({FirstSentence(exception.Message)}): {HowToClick}");
        }

        using (document)
        {
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object)
            {
                throw Invalid($"the HTTPS body is a JSON {Describe(json.ValueKind)}, not an object: {HowToClick}");
            }

            if (json.TryGetProperty("action", out var action))
            {
                return (null, IotEventReader.ReadAction(action, "body action"));
            }

            if (json.TryGetProperty("clickType", out _))
            {
                return (ReadClickType(json, "body clickType"), null);
            }

            throw Invalid($"the HTTPS body has neither clickType nor action: {HowToClick}");
        }
    }

    private static FunctionException Unauthorized(string message) => new(ErrorTypes.Unauthorized, message);
}
