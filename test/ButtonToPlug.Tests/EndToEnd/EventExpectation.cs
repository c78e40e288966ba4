namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>What one file of <c>events/</c> must do to a plug that starts in <see cref="StartsOn"/>, with default settings.</summary>
public sealed record EventExpectation(string? ClickType, string Action, bool StartsOn, bool EndsOn, int? CountdownSeconds);
