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

    public IKasaTransport Create(KasaEndpoint endpoint, ProtocolSetting protocol, KasaCredentials? credentials, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return protocol switch
        {
            ProtocolSetting.Xor => new XorTcpTransport(endpoint, timeout),
            ProtocolSetting.Klap => new KlapTransport(endpoint, credentials, timeout),
            _ => new KasaFallbackTransport(
                endpoint,
                FirstChoice(endpoint),
                chosen => chosen == ProtocolSetting.Klap ? new KlapTransport(endpoint, credentials, timeout) : new XorTcpTransport(endpoint, timeout),
                worked => this.worked[endpoint] = worked),
        };
    }

    /// <summary>What <see cref="ProtocolSetting.Auto"/> tries first: what worked last time, else what the port suggests.</summary>
    internal ProtocolSetting FirstChoice(KasaEndpoint endpoint) =>
        this.worked.TryGetValue(endpoint, out var worked) ? worked
        : endpoint.Port == KlapTransport.DefaultPort ? ProtocolSetting.Klap
        : ProtocolSetting.Xor;
}
