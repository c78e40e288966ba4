using System.Text;
using System.Text.Json;
using ButtonToPlug.Events;

namespace ButtonToPlug.Https;

/// <summary>
/// Answers an HTTPS click with a status instead of failing the invocation: a Function URL caller (Flic, a phone shortcut,
/// curl) reads the HTTP status, and a failed invocation would reach it only as a bare 502 with nothing to act on.
/// </summary>
internal static class FunctionUrlExchange
{
    private static readonly Dictionary<string, string> JsonHeaders = new(StringComparer.Ordinal) { ["content-type"] = "application/json" };

    /// <summary>True when the event is a Function URL request, whatever else is wrong with it (a bad body is still answered 400).</summary>
    public static bool Recognizes(ReadOnlyMemory<byte> eventJson)
    {
        try
        {
            using var document = EventParser.ParseDocument(eventJson);
            return document.RootElement.ValueKind == JsonValueKind.Object && FunctionUrlEventReader.Matches(document.RootElement);
        }
        catch (FunctionException)
        {
            return false;
        }
    }

    /// <summary>The click's own result JSON (section 4) with 200, or its typed failure with the status CONTRACTS.md section 1 gives it.</summary>
    public static async Task<byte[]> AnswerAsync(Task<byte[]> click)
    {
        ArgumentNullException.ThrowIfNull(click);
        try
        {
            var result = await click;
            return Response(200, Encoding.UTF8.GetString(result));
        }
        catch (FunctionException failure)
        {
            var body = JsonSerializer.Serialize(new FunctionUrlError(failure.ErrorType, failure.Message), FunctionUrlJsonContext.Default.FunctionUrlError);
            return Response(StatusFor(failure.ErrorType), body);
        }
    }

    public static int StatusFor(string errorType) => errorType switch
    {
        ErrorTypes.Unauthorized => 401,
        ErrorTypes.InvalidEvent => 400,
        ErrorTypes.PlugError or ErrorTypes.ProtocolError => 502,
        ErrorTypes.PlugUnreachable => 504,
        _ => 500,
    };

    private static byte[] Response(int status, string body) =>
        JsonSerializer.SerializeToUtf8Bytes(new FunctionUrlResponse(status, JsonHeaders, body), FunctionUrlJsonContext.Default.FunctionUrlResponse);
}
