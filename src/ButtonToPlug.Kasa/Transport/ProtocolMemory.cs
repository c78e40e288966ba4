using System.Collections.Concurrent;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// Which transport answered at each endpoint, for <see cref="ProtocolSetting.Auto"/>: a deliberate cache owned by the
/// <see cref="KasaTransportFactory"/> (the warm function holds one), so the second click goes straight to the plug's transport.
/// </summary>
internal sealed class ProtocolMemory
{
    private readonly ConcurrentDictionary<KasaEndpoint, ProtocolSetting> answered = new();

    public bool TryRecall(KasaEndpoint endpoint, out ProtocolSetting protocol) => this.answered.TryGetValue(endpoint, out protocol);

    public void Remember(KasaEndpoint endpoint, ProtocolSetting protocol) => this.answered[endpoint] = protocol;

    public void Forget(KasaEndpoint endpoint) => this.answered.TryRemove(endpoint, out _);
}
