namespace ButtonToPlug.Kasa;

/// <summary>A plug that requires authentication (KLAP) did not accept any of the credentials tried.</summary>
public sealed class KasaAuthenticationException : KasaException
{
    public KasaAuthenticationException(KasaEndpoint endpoint, string message, Exception? innerException = null)
        : base(endpoint, message, innerException)
    {
    }
}
