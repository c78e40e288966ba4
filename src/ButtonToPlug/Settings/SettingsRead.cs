namespace ButtonToPlug.Settings;

/// <summary>The settings for one click, and a warning for the log when they are not fresh (SSM failed, the cached copy served).</summary>
internal sealed record SettingsRead(PlugSettings Settings, string? Warning);
