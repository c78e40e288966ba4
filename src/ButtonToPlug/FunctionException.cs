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
    /// True when the plug request certainly never left this machine (the name did not resolve, the connect was refused or never
    /// completed). Carried as a value because the plug library's exception is not kept: its message may name a masked host.
    /// </summary>
    public bool NothingSent { get; init; }
}
