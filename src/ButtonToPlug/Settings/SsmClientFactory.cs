using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

namespace ButtonToPlug.Settings;

/// <summary>
/// The one SSM client of the process. Region, credentials and endpoint all come from the SDK's own environment variables
/// (<c>AWS_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>…, <c>AWS_ENDPOINT_URL_SSM</c> for a local endpoint such as moto_server).
/// </summary>
internal static class SsmClientFactory
{
    /// <summary>
    /// One click has a few seconds in all: each attempt gets 2 s, and the SDK's standard retry mode makes at most 2 more
    /// attempts with jittered backoff for throttling and 5xx. The invocation's deadline cancels whatever is left.
    /// </summary>
    /// <exception cref="FunctionException">ConfigurationError: no region (Lambda always sets <c>AWS_REGION</c>; a local run may not).</exception>
    public static IAmazonSimpleSystemsManagement Create()
    {
        var config = new AmazonSimpleSystemsManagementConfig
        {
            Timeout = TimeSpan.FromSeconds(2),
            MaxErrorRetry = 2,
            RetryMode = RequestRetryMode.Standard,
        };
        try
        {
            return new AmazonSimpleSystemsManagementClient(config);
        }
        catch (AmazonClientException exception)
        {
            throw new FunctionException(ErrorTypes.ConfigurationError,
                $"cannot create the SSM client ({exception.Message}): set AWS_REGION to the region that holds the parameters, e.g. AWS_REGION=us-east-1", exception);
        }
    }
}
