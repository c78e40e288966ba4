namespace ButtonToPlug.Kasa;

/// <summary>
/// The device refused to start a KLAP session at all (HTTP 403 on handshake1), before any credentials were compared. It speaks
/// KLAP but does not let local clients in: third-party access is off in the app, the firmware moved on to TPAP, or it refuses
/// clients for now. Not a protocol mismatch, so <c>auto</c> never falls back to XOR on it.
/// </summary>
public sealed class KasaAccessDeniedException : KasaException
{
    public KasaAccessDeniedException(KasaEndpoint endpoint, string message)
        : base(endpoint, message)
    {
    }
}
