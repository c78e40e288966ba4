namespace ButtonToPlug.Cli;

/// <summary>`plug on|off|toggle --json`, shaped like the function's result: before and after as "on"/"off".</summary>
internal sealed record SwitchJson(string Host, int Port, string Action, string? Outlet, string? ChildId, string? Before, string After);
