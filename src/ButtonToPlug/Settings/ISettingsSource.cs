namespace ButtonToPlug.Settings;

/// <summary>Hands out the validated settings for one click.</summary>
internal interface ISettingsSource
{
    /// <exception cref="FunctionException">ConfigurationError: a setting is missing or malformed, or the settings cannot be read.</exception>
    Task<SettingsRead> GetAsync(CancellationToken cancellationToken);
}
