namespace ButtonToPlug.Kasa;

/// <summary>One outlet of a power strip as <c>get_sysinfo</c> lists it.</summary>
/// <param name="Id">The full child id (the strip's deviceId followed by two digits); the only id the strip accepts.</param>
public sealed record OutletInfo(string Id, string Alias, bool IsOn);
