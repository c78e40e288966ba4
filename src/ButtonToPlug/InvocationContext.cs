namespace ButtonToPlug;

/// <summary>What the caller knows about one invocation: its id (for the log line), when Lambda gives up on it, and the X-Ray trace.</summary>
public sealed record InvocationContext(string RequestId, DateTimeOffset Deadline, string? TraceId);
