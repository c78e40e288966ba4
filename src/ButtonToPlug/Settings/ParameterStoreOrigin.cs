namespace ButtonToPlug.Settings;

/// <summary>Settings in SSM Parameter Store: names are parameter names, fixes are the <c>aws ssm put-parameter</c> to run.</summary>
internal sealed class ParameterStoreOrigin(string path) : ISettingsOrigin
{
    public string Name(string key) => $"{path}/{key}";

    public string HowToSet(string key, string example, bool exists) => exists
        ? $"fix it with aws ssm put-parameter --overwrite --name {Name(key)} --type String --value {example}"
        : $"create it with aws ssm put-parameter --name {Name(key)} --type String --value {example}";

    public string WhenEmpty =>
        $"no parameters found under {path} (PARAMETER_PATH) in this account and region";
}
