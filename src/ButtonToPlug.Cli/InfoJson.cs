using ButtonToPlug.Kasa;

namespace ButtonToPlug.Cli;

/// <summary>`plug info --json`: where the plug answered, and its sysinfo.</summary>
internal sealed record InfoJson(string Host, int Port, SysInfo Device);
