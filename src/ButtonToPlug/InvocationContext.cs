namespace ButtonToPlug;

/// <summary>What the caller knows about one invocation: its id (for the log line), when Lambda gives up on it, and the X-Ray trace.</summary>
public sealed record InvocationContext(string RequestId, DateTimeOffset Deadline, string? TraceId)
{
    /// <summary>The <c>Lambda-Runtime-Client-Context</c> JSON the invoker sent (SORACOM Funk names the SIM there); null without one.</summary>
    public string? ClientContext { get; init; }

    /// <summary>The <c>Lambda-Runtime-Cognito-Identity</c> JSON of a mobile-SDK invoker; null without one.</summary>
    public string? CognitoIdentity { get; init; }
}
