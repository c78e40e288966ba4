namespace ButtonToPlug.Kasa.Transport;

/// <summary>A completed handshake: the cipher, the cookie that names the session, and which credential set the device took.</summary>
internal sealed record KlapEstablishedSession(KlapSession Cipher, KlapCookie Cookie, KlapAuthCandidate AcceptedWith);
