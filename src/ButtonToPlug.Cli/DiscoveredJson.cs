namespace ButtonToPlug.Cli;

/// <summary>One line of `discover --json`.</summary>
internal sealed record DiscoveredJson(string Host, int Port, string Model, string Alias, string DeviceType, bool IsOn, int Outlets);
