using System.Text;
using System.Text.Json;

namespace ButtonToPlug.Cli;

/// <summary>The function's answer to an HTTPS click (<c>statusCode</c>, <c>body</c>), read back into a result or a failure for the console.</summary>
internal sealed record HttpsAnswer(byte[] Body, FunctionException? Failure)
{
    /// <returns>Null when the answer is a plain click result, not an HTTPS response.</returns>
    public static HttpsAnswer? Read(byte[] answer)
    {
        using var json = JsonDocument.Parse(answer);
        var root = json.RootElement;
        if (!root.TryGetProperty("statusCode", out var status) || !root.TryGetProperty("body", out var bodyElement))
        {
            return null;
        }

        var body = bodyElement.GetString() ?? "";
        if (status.GetInt32() == 200)
        {
            return new HttpsAnswer(Encoding.UTF8.GetBytes(body), null);
        }

        using var error = JsonDocument.Parse(body);
        var failure = new FunctionException(
            error.RootElement.GetProperty("errorType").GetString() ?? ErrorTypes.InternalError,
            $"HTTP {status.GetInt32()}: {error.RootElement.GetProperty("errorMessage").GetString()}");
        return new HttpsAnswer([], failure);
    }
}
