namespace ButtonToPlug.Runtime;

/// <summary>One event handed out by the Runtime API's <c>invocation/next</c>, with the headers that came with it.</summary>
internal sealed record RuntimeInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? TraceId,
    byte[] Event)
{
    /// <summary><c>Lambda-Runtime-Client-Context</c>: the invoker's client context JSON, when it sent one.</summary>
    public string? ClientContext { get; init; }

    /// <summary><c>Lambda-Runtime-Cognito-Identity</c>: the invoker's Cognito identity JSON, when it sent one.</summary>
    public string? CognitoIdentity { get; init; }
}
