using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace ButtonToPlug.Dedupe;

/// <summary>
/// The DynamoDB client of the click table. Region, credentials and endpoint come from the SDK's own environment variables
/// (<c>AWS_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>…, <c>AWS_ENDPOINT_URL_DYNAMODB</c> for a local endpoint such as moto_server).
/// </summary>
internal static class DynamoDbClientFactory
{
    /// <summary>How long one DynamoDB request may take; an answer from the same Region comes in milliseconds.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A person waits at the lamp, and the table only guards against a rare second delivery: one retry (standard mode, jittered
    /// backoff, for throttling, 5xx and dropped connections; none for access denied or a missing table) and then the click goes
    /// ahead without it. The SDK's DynamoDB default of 10 retries would hold the lamp for seconds.
    /// </summary>
    /// <exception cref="AmazonClientException">No region, or a malformed endpoint variable.</exception>
    public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient(NewConfig());

    /// <summary>The client settings above; tests build their own client from the same ones.</summary>
    internal static AmazonDynamoDBConfig NewConfig() => new()
    {
        Timeout = AttemptTimeout,
        MaxErrorRetry = 1,
        RetryMode = RequestRetryMode.Standard,
    };
}
