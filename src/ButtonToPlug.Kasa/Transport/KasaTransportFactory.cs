using System.Collections.Concurrent;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// Builds the transport for a plug from the configured protocol. For <see cref="ProtocolSetting.Auto"/> it remembers, per endpoint,
/// which protocol last worked — a deliberate cache that lives as long as the factory (the warm function holds one), so a
/// plug that answered KLAP yesterday is not first asked over XOR today.
/// </summary>
public sealed class KasaTransportFactory
{
    private readonly ConcurrentDictionary<KasaEndpoint, ProtocolSetting> worked = new();
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
            _ => new KasaFallbackTransport(
                endpoint,
                FirstChoice(endpoint),
                chosen => chosen == ProtocolSetting.Klap ? Klap() : new XorTcpTransport(endpoint, timeout),
                worked => this.worked[endpoint] = worked),
        };
    }

    /// <summary>What <see cref="ProtocolSetting.Auto"/> tries first: what worked last time, else what the port suggests.</summary>
    internal ProtocolSetting FirstChoice(KasaEndpoint endpoint) =>
        this.worked.TryGetValue(endpoint, out var worked) ? worked
        : endpoint.Port == KlapTransport.DefaultPort ? ProtocolSetting.Klap
        : ProtocolSetting.Xor;
}
