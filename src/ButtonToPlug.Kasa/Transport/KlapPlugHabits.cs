using System.Collections.Concurrent;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// What KLAP plugs have shown about themselves, per endpoint: that one needs a new session for every request, and that its reply
/// signatures were already reported once. A deliberate cache owned by the <see cref="KasaTransportFactory"/> (the warm function
/// holds one), so the next click goes the way that works without first failing again.
/// </summary>
internal sealed class KlapPlugHabits
{
    private readonly ConcurrentDictionary<KasaEndpoint, bool> sessionPerRequest = new();
    private readonly ConcurrentDictionary<KasaEndpoint, bool> signatureNoted = new();

    /// <summary>True once the plug at <paramref name="endpoint"/> refused a second request on one session.</summary>
    public bool NeedsSessionPerRequest(KasaEndpoint endpoint) => this.sessionPerRequest.ContainsKey(endpoint);

    public void RememberSessionPerRequest(KasaEndpoint endpoint) => this.sessionPerRequest[endpoint] = true;

    /// <summary>True the first time a mismatched reply signature is seen from <paramref name="endpoint"/>, false after that.</summary>
    public bool FirstSignatureMismatch(KasaEndpoint endpoint) => this.signatureNoted.TryAdd(endpoint, true);
}
