using ButtonToPlug.Kasa;

namespace ButtonToPlug.Dedupe;

/// <summary>What became of a click at the claim step: the plug's relay change, or the reason it was a duplicate and not switched.</summary>
internal sealed record SwitchOutcome(RelayChange? Change, string? DuplicateReason);
