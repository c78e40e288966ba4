namespace ButtonToPlug.Settings;

/// <summary>Where settings come from, so that a validation message names the setting the way the user wrote it and says how to fix it.</summary>
internal interface ISettingsOrigin
{
    /// <summary>The setting's full name: <c>/ButtonToPlug/host</c>, or <c>"host" in settings.json</c>.</summary>
    string Name(string key);

    /// <summary>The command or edit that gives the setting <paramref name="example"/>.</summary>
    string HowToSet(string key, string example, bool exists);

    /// <summary>Said when nothing at all was found, before the individual problems.</summary>
    string WhenEmpty { get; }
}
