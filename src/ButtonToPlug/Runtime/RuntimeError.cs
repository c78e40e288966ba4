namespace ButtonToPlug.Runtime;

/// <summary>The body the Runtime API expects on <c>invocation/{id}/error</c> and <c>init/error</c>.</summary>
internal sealed record RuntimeError(string ErrorMessage, string ErrorType)
{
    // Messages are written for the user; stack traces of unexpected failures go to the log instead.
    public IReadOnlyList<string> StackTrace { get; } = [];

    /// <summary>A typed function failure keeps its errorType; anything else is a defect, named by its exception type.</summary>
    public static RuntimeError From(Exception exception) => exception is FunctionException failure
        ? new RuntimeError(failure.Message, failure.ErrorType)
        : new RuntimeError(exception.Message, exception.GetType().Name);
}
