namespace ButtonToPlug.Runtime;

/// <summary>The body the Runtime API expects on <c>invocation/{id}/error</c> and <c>init/error</c>.</summary>
internal sealed record RuntimeError(string ErrorMessage, string ErrorType)
{
    // Messages are written for the user; stack traces of unexpected failures go to the log instead.
    public IReadOnlyList<string> StackTrace { get; } = [];

    /// <summary>
    /// A typed function failure keeps its errorType; anything else is a defect, reported as InternalError in our own words
    /// (its .NET message may quote a setting, and goes only to the log).
    /// </summary>
    public static RuntimeError From(Exception exception) => exception is FunctionException failure
        ? new RuntimeError(failure.Message, failure.ErrorType)
        : new RuntimeError(
            $"internal error ({exception.GetType().Name}): a defect of ButtonToPlug's runtime; the log has the stack trace, please report it",
            ErrorTypes.InternalError);
}
