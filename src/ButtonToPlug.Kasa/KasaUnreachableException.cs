namespace ButtonToPlug.Kasa;

/// <summary>The plug could not be reached or stopped answering: DNS failure, connection refused or reset, timeout.</summary>
public sealed class KasaUnreachableException : KasaException
{
    public KasaUnreachableException(KasaEndpoint endpoint, string message, bool requestSent, Exception? innerException = null)
        : base(endpoint, message, innerException)
    {
        RequestSent = requestSent;
    }

    /// <summary>
    /// False when the failure happened before any byte of the request left (resolve or connect): a retry cannot double the command.
    /// True when the request was written and the answer did not come: the device may have acted.
    /// </summary>
    public bool RequestSent { get; }
}
