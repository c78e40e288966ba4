namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// One channel to one device. The command layer hands it a JSON request as UTF-8 and gets the device's JSON answer back;
/// it never learns which transport (XOR/TCP, KLAP/HTTP or AES/HTTP) carried the bytes, nor (apart from <see cref="Dialect"/>)
/// which dialect they hold.
/// </summary>
/// <remarks>
/// A transport classifies its failures into <see cref="KasaException"/> subclasses; it never retries on its own.
/// Retry decisions live in one place, above the transports, because only that place knows whether a command is idempotent.
/// </remarks>
public interface IKasaTransport : IAsyncDisposable
{
    KasaEndpoint Endpoint { get; }

    /// <summary>
    /// The dialect this transport can carry, when it can carry only one (XOR/TCP: IOT; AES passthrough: SMART); null when the
    /// device behind it may speak either (KLAP), and the device layer finds out on the first exchange.
    /// </summary>
    KasaDialect? Dialect => null;

    /// <summary>
    /// Decides which transport carries the requests where that is still open (<see cref="ProtocolSetting.Auto"/> probes the
    /// port here, or takes the transport remembered for it), so that <see cref="Dialect"/> is the carrying transport's before
    /// the device layer chooses the dialect of its first request. The other transports have nothing to decide.
    /// </summary>
    /// <param name="firstIotSwitch">
    /// The device layer's first request as the IOT dialect sends it when that request switches; null when it is a read. Auto's
    /// XOR probe is this very switch (else the read): on an XOR plug it is what the device layer sends next anyway, and the
    /// probe's answer serves it; on a port that speaks anything else an XOR frame is carried out by nothing.
    /// </param>
    Task SettleAsync(byte[]? firstIotSwitch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends one request and returns the decoded answer (UTF-8 JSON).</summary>
    /// <exception cref="KasaUnreachableException">Name resolution, connect, reset or timeout; <see cref="KasaUnreachableException.RequestSent"/> tells whether the device may have acted.</exception>
    /// <exception cref="KasaProtocolException">The answer is not a valid frame.</exception>
    Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a request that changes nothing on the device (a read), which a transport may therefore send once more after a
    /// failure that leaves unknown whether the device took it. Transports without such a failure send it like any request.
    /// </summary>
    Task<byte[]> ReadAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken) => SendAsync(requestUtf8, cancellationToken);
}
