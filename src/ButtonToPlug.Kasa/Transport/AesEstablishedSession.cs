namespace ButtonToPlug.Kasa.Transport;

/// <summary>A handshake's cipher and cookie, the login's token, and which credential set the device accepted.</summary>
internal sealed record AesEstablishedSession(AesSessionCipher Cipher, string? Cookie, string Token, string AcceptedWith);
