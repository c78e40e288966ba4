namespace ButtonToPlug.Logging;

/// <summary>
/// A line of the runtime's own (a diagnostic or a defect) in the envelope every line shares: when, how bad, what, and
/// which invocation. A defect carries its exception as <see cref="ErrorType"/>, <see cref="ErrorMessage"/> and the
/// frames of <see cref="StackTrace"/>, on this one line, the way Lambda's own runtimes write them.
/// </summary>
internal sealed record LogRecord(
    string Timestamp,
    LogLevel Level,
    string Message,
    string? RequestId,
    string? TraceId,
    string? ErrorType = null,
    string? ErrorMessage = null,
    IReadOnlyList<string>? StackTrace = null) : ILogRecord;
