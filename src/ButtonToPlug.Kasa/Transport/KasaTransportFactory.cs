namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// Builds the transport for a plug from the protocol setting. For <see cref="ProtocolSetting.Auto"/> it remembers, per endpoint,
/// which transport answered (<see cref="ProtocolMemory"/>, living as long as the factory), so only the first click probes.
/// </summary>
public sealed class KasaTransportFactory
{
    private readonly ProtocolMemory memory = new();
    private readonly KlapPlugHabits klapHabits = new();

    /// <param name="notice">Told, in words for a log, about something odd the plug did that did not fail the request (a KLAP reply
    /// signature that does not match); the caller decides whether that is a warning.</param>
    public IKasaTransport Create(KasaEndpoint endpoint, ProtocolSetting protocol, KasaCredentials? credentials, TimeSpan timeout, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        KlapTransport Klap() => new(endpoint, credentials, timeout, TimeProvider.System, this.klapHabits, notice);
        return protocol switch
        {
            ProtocolSetting.Xor => new XorTcpTransport(endpoint, timeout),
            ProtocolSetting.Klap => Klap(),
            ProtocolSetting.Aes => new AesTransport(endpoint, credentials, timeout),
            _ => new KasaAutoTransport(
                endpoint, ProbeOrder(endpoint, credentials), chosen => Create(endpoint, chosen, credentials, timeout, notice), this.memory),
        };
    }

    /// <summary>
    /// What <see cref="ProtocolSetting.Auto"/> tries: the transport that answered last time alone; else all three at once, started
    /// in this order, which also orders a failure's explanation. Configured credentials mean an HTTP plug (KLAP, then AES);
    /// without them port 9999 suggests XOR.
    /// </summary>
    internal IReadOnlyList<ProtocolSetting> ProbeOrder(KasaEndpoint endpoint, KasaCredentials? credentials) =>
        this.memory.TryRecall(endpoint, out var answered) ? [answered]
        : credentials is null && endpoint.Port == KasaEndpoint.LegacyPort ? [ProtocolSetting.Xor, ProtocolSetting.Klap, ProtocolSetting.Aes]
        : [ProtocolSetting.Klap, ProtocolSetting.Aes, ProtocolSetting.Xor];
}
