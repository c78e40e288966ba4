using System.Collections.Concurrent;

namespace ButtonToPlug.Kasa;

/// <summary>
/// What the device layer learned about each endpoint and keeps for later clicks: the dialect that answered, and the full
/// child id each outlet setting resolved to. A deliberate cache that lives as long as its owner (the warm function holds one),
/// so that <c>on</c> and <c>off</c> can send the switch command first, with nothing read before it.
/// </summary>
/// <remarks>A remembered child id can go stale (a strip replaced behind the same port-forward); the strip then refuses it
/// without switching anything, and the device layer forgets it and reads afresh.</remarks>
public sealed class KasaDeviceMemory
{
    private readonly ConcurrentDictionary<KasaEndpoint, KasaDialect> dialects = new();
    private readonly ConcurrentDictionary<(KasaEndpoint Endpoint, PlugOutlet Outlet), string> childIds = new();

    internal KasaDialect? DialectOf(KasaEndpoint endpoint) => this.dialects.TryGetValue(endpoint, out var dialect) ? dialect : null;

    internal void RememberDialect(KasaEndpoint endpoint, KasaDialect dialect) => this.dialects[endpoint] = dialect;

    internal string? ChildIdOf(KasaEndpoint endpoint, PlugOutlet outlet) => this.childIds.TryGetValue((endpoint, outlet), out var id) ? id : null;

    internal void RememberChildId(KasaEndpoint endpoint, PlugOutlet outlet, string childId) => this.childIds[(endpoint, outlet)] = childId;

    internal void ForgetChildId(KasaEndpoint endpoint, PlugOutlet outlet) => this.childIds.TryRemove((endpoint, outlet), out _);
}
