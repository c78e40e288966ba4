namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>How one invocation ended at the Runtime API: a response body, or an error.</summary>
public sealed record InvocationOutcome(string RequestId, byte[]? Response, PostedError? Error)
{
    public string ResponseText => Response is null
        ? throw new InvalidOperationException($"Request {RequestId} ended in error {Error}, not a response.")
        : System.Text.Encoding.UTF8.GetString(Response);
}
