namespace ButtonToPlug.Runtime;

/// <summary>One event handed out by the Runtime API's <c>invocation/next</c>, with the headers that came with it.</summary>
internal sealed record RuntimeInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? TraceId,
    byte[] Event);
