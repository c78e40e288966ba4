namespace ButtonToPlug.Settings;

/// <summary>Settings in a local JSON file for <c>buttontoplug press --settings</c>: keys are the parameter names under the path.</summary>
internal sealed class LocalFileOrigin(string file) : ISettingsOrigin
{
    public string Name(string key) => $"\"{key}\" in {file}";

    public string HowToSet(string key, string example, bool exists) =>
        $"{(exists ? "change it to" : "add")} \"{key}\": \"{example}\" in {file}";

    public string WhenEmpty => $"{file} holds no settings";
}
