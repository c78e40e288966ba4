namespace ButtonToPlug.Kasa;

/// <summary>Anything that went wrong talking to a plug. Every message names the host and port.</summary>
public abstract class KasaException : Exception
{
    protected KasaException(KasaEndpoint endpoint, string message, Exception? innerException = null)
        : base($"{endpoint}: {message}", innerException)
    {
        Endpoint = endpoint;
    }

    public KasaEndpoint Endpoint { get; }
}
