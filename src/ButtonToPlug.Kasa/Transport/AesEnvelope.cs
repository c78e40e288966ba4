using System.Text.Json;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// Reads the <c>{"error_code":0,"result":{…}}</c> shape that every AES-layer answer has — the handshake, the passthrough envelope
/// and the login inside it — down to its error code and the one string member of <c>result</c> the caller needs.
/// </summary>
internal static class AesEnvelope
{
    /// <summary>Device error codes the transport itself acts on.</summary>
    public const int Success = 0;

    /// <summary>The credentials were refused.</summary>
    public const int LoginError = -1501;

    /// <summary>The session (cookie or token) is unknown to the device; it did not decrypt or run the request.</summary>
    public const int SessionTimeout = 9999;

    /// <returns>The error code, and the string at <c>result.<paramref name="member"/></c> or null when it is missing.</returns>
    /// <exception cref="JsonException">Not a JSON object with a numeric <c>error_code</c>.</exception>
    public static (int ErrorCode, string? Value) Read(ReadOnlySpan<byte> json, string member)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("error_code", out var code)
            || code.ValueKind != JsonValueKind.Number
            || !code.TryGetInt32(out var errorCode))
        {
            throw new JsonException("not an object with a numeric error_code");
        }

        var value = root.TryGetProperty("result", out var result)
            && result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty(member, out var found)
            && found.ValueKind == JsonValueKind.String
                ? found.GetString()
                : null;
        return (errorCode, value);
    }

    /// <summary>A request of the AES layer: <c>{"method":…,"params":{name:value,…}}</c>, plus the time the login carries.</summary>
    public static byte[] Request(string method, IEnumerable<KeyValuePair<string, string>> parameters, bool withRequestTime = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method);
            writer.WriteStartObject("params");
            foreach (var (name, value) in parameters)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            if (withRequestTime)
            {
                writer.WriteNumber("request_time_milis", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
