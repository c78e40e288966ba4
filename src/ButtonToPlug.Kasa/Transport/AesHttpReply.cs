namespace ButtonToPlug.Kasa.Transport;

/// <summary>What came back from one POST to <c>/app</c>: the status, the body, and the session cookies the device set.</summary>
internal sealed record AesHttpReply(int Status, byte[] Body, IReadOnlyList<string> SetCookies);
