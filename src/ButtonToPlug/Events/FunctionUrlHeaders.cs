using System.Text.Json;
using static ButtonToPlug.Events.EventJson;

namespace ButtonToPlug.Events;

/// <summary>The headers of a Function URL request (payload format 2.0): one value per name, names in lower case.</summary>
internal static class FunctionUrlHeaders
{
    private const int MaxIdempotencyKeyLength = 128;

    /// <summary>The <c>Idempotency-Key</c> header as the click's key (CONTRACTS.md section 7); null without one.</summary>
    public static string? IdempotencyKey(JsonElement root)
    {
        if (Get(root, "idempotency-key") is not { } key)
        {
            return null;
        }

        var trimmed = key.Trim();
        if (trimmed.Length is 0 or > MaxIdempotencyKeyLength || !trimmed.All(c => c is > ' ' and < '\u007f'))
        {
            throw Invalid($"the Idempotency-Key header must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters, such as a UUID");
        }

        return $"https:{trimmed}";
    }

    /// <summary>A header by name; the Function URL sends names in lower case, a hand-written test event may not.</summary>
    public static string? Get(JsonElement root, string name)
    {
        if (!TryGetObject(root, "headers", out var headers))
        {
            return null;
        }

        if (headers.TryGetProperty(name, out var exact))
        {
            return exact.ValueKind == JsonValueKind.String ? GetString(exact, $"headers.{name}") : null;
        }

        foreach (var header in headers.EnumerateObject())
        {
            string headerName;
            try
            {
                headerName = header.Name;
            }
            catch (InvalidOperationException)
            {
                // Like string values, names are decoded only when read; a name of bad bytes is no header anyone sent.
                throw Invalid("headers has a name that is not valid UTF-8 text");
            }

            if (string.Equals(headerName, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value.ValueKind == JsonValueKind.String ? GetString(header.Value, $"headers.{name}") : null;
            }
        }

        return null;
    }
}
