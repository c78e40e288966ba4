namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>What a runtime posted on an error route: the header and the body's fields, as received.</summary>
public sealed record PostedError(string? ErrorTypeHeader, string? ErrorType, string? ErrorMessage, bool HasStackTraceArray);
