using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>The environment Lambda would give the function, pointed at the local peers.</summary>
public static class EndToEndEnvironment
{
    public const string ParameterPath = "/ButtonToPlug";

    /// <summary>The token events/https-double.json presents: the local one of events/settings.local.json.</summary>
    public static string WebhookToken { get; } = System.Text.Json.JsonDocument.Parse(
        File.ReadAllText(Path.Combine(PublishedFunction.RepositoryRoot, "events", "settings.local.json"))).RootElement.GetProperty("webhook-token").GetString()!;

    public static Dictionary<string, string> For(LocalRuntimeApi api, string ssmUrl) => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
        ["AWS_ENDPOINT_URL_SSM"] = ssmUrl,
        ["AWS_REGION"] = MotoServer.Region,
        ["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretAccessKey,
        // Inside Lambda the AWS SDK copies _X_AMZN_TRACE_ID into its requests; it knows it is there by this variable.
        ["AWS_LAMBDA_FUNCTION_NAME"] = "ButtonToPlug",
        ["PARAMETER_PATH"] = ParameterPath,
        // Every click reads SSM again, so a test can change a parameter between two clicks of one process.
        ["PARAMETER_CACHE_SECONDS"] = "0",
    };
}
