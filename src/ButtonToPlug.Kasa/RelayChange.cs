namespace ButtonToPlug.Kasa;

/// <summary>The relay before and after a switch; for one outlet of a strip, that outlet's state and full child id.</summary>
/// <param name="WasOn">The state read just before a toggle; null for on and off, which read nothing before switching.</param>
/// <param name="IsOn">The state the plug accepted.</param>
/// <param name="ChildId">The full child id of the outlet switched; null for a whole device.</param>
public sealed record RelayChange(bool? WasOn, bool IsOn, string? ChildId);
