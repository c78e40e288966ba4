namespace ButtonToPlug;

/// <summary>The <c>errorType</c> values a failed invocation reports (CONTRACTS.md section 4).</summary>
public static class ErrorTypes
{
    public const string InvalidEvent = "InvalidEvent";
    public const string ConfigurationError = "ConfigurationError";
    public const string PlugUnreachable = "PlugUnreachable";
    public const string PlugError = "PlugError";
    public const string ProtocolError = "ProtocolError";

    /// <summary>A defect of ours: anything unexpected. Its message holds no secret; the stack trace goes only to the log.</summary>
    public const string InternalError = "InternalError";

    /// <summary>An HTTPS click without the right token (HTTP 401). Only HTTPS callers see it: it is answered, never a failed invocation.</summary>
    public const string Unauthorized = "Unauthorized";
}
