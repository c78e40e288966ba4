namespace ButtonToPlug.Kasa;

/// <summary>Something answered, but not like a Kasa plug: a bad frame, an absurd length, JSON that is not an answer.</summary>
public sealed class KasaProtocolException : KasaException
{
    public KasaProtocolException(KasaEndpoint endpoint, string message, Exception? innerException = null)
        : base(endpoint, message, innerException)
    {
    }
}
