namespace ButtonToPlug.Kasa;

/// <summary>A device that answered discovery: where it answered from, and what it said about itself.</summary>
/// <remarks>Over UDP strips shorten their outlet ids; use <see cref="KasaClient.GetSysInfoAsync"/> over TCP for the full ids.</remarks>
public sealed record DiscoveredPlug(KasaEndpoint Endpoint, SysInfo SysInfo);
