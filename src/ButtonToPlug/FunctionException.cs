namespace ButtonToPlug;

/// <summary>
/// A click that did not become a plug command, for a reason the user can act on. <see cref="ErrorType"/> is one of
/// <see cref="ErrorTypes"/>; the message says what happened and what to check, and never holds a SecureString value.
/// </summary>
public sealed class FunctionException : Exception
{
    public FunctionException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    public string ErrorType { get; }

    /// <summary>
    /// True when the failure proves no request reached the plug (the name did not resolve, the connect was refused or never
    /// completed). Carried as a fact rather than as the inner exception, whose own message may name the host unmasked.
    /// </summary>
    public bool NothingReachedThePlug { get; init; }
}
