using System.Globalization;
using System.Text.Json;

namespace ButtonToPlug.Tests.Support;

/// <summary>
/// The envelope every line the function writes must have (CONTRACTS.md section 5): one JSON object with an RFC 3339 UTC
/// <c>timestamp</c> to the millisecond, a <c>level</c> Lambda filters on, a <c>message</c>, and during an invocation its
/// <c>requestId</c>; an exception only as <c>errorType</c>, <c>errorMessage</c> and a <c>stackTrace</c> array.
/// </summary>
public static class LogEnvelope
{
    public static readonly string[] Levels = ["DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

    /// <summary>Parses every non-empty line, failing with the line itself when one does not fit the envelope.</summary>
    public static IReadOnlyList<JsonElement> ParseAll(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];

    public static JsonElement Parse(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"Not a JSON line ({e.Message}): {line}");
        }

        Assert.True(root.ValueKind == JsonValueKind.Object, line);
        Assert.True(root.TryGetProperty("timestamp", out var timestamp), $"no timestamp: {line}");
        Assert.True(
            DateTime.TryParseExact(timestamp.GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            $"timestamp is not RFC 3339 UTC with milliseconds: {line}");
        Assert.True(root.TryGetProperty("level", out var level) && Levels.Contains(level.GetString()), $"no valid level: {line}");
        Assert.True(root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String, $"no message: {line}");
        if (root.TryGetProperty("stackTrace", out var stack))
        {
            Assert.Equal(JsonValueKind.Array, stack.ValueKind);
            Assert.True(root.TryGetProperty("errorType", out _), $"a stack trace without errorType: {line}");
        }

        return root;
    }

    public static string Level(JsonElement line) => line.GetProperty("level").GetString()!;

    public static string? RequestId(JsonElement line) => line.TryGetProperty("requestId", out var id) ? id.GetString() : null;

    public static bool IsMetrics(JsonElement line) => line.TryGetProperty("_aws", out _);
}
