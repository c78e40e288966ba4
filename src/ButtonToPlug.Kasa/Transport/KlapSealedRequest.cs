namespace ButtonToPlug.Kasa.Transport;

/// <summary>One encrypted request: the sequence number that goes into <c>?seq=</c> and the body (signature + ciphertext).</summary>
internal readonly record struct KlapSealedRequest(int Sequence, byte[] Body);
