namespace ButtonToPlug.Kasa;

/// <summary>Anything that went wrong talking to a plug. Every message names the host and port.</summary>
public abstract class KasaException : Exception
{
    protected KasaException(KasaEndpoint endpoint, string message, Exception? innerException = null)
        : base($"{endpoint}: {message}", innerException)
    {
        Endpoint = endpoint;
        Reason = message;
    }

    public KasaEndpoint Endpoint { get; }

    /// <summary>
    /// The message without the endpoint: what went wrong, in the library's own words. A caller that must not show the host
    /// (it is a secret) puts its own masked endpoint in front. No message copies a foreign exception's text, which can
    /// name the host in another letter case.
    /// </summary>
    public string Reason { get; }
}
