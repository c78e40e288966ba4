using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

namespace ButtonToPlug.Settings;

/// <summary>
/// The one SSM client of the process. Region, credentials and endpoint all come from the SDK's own environment variables
/// (<c>AWS_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>…, <c>AWS_ENDPOINT_URL_SSM</c> for a local endpoint such as moto_server).
/// </summary>
internal static class SsmClientFactory
{
    /// <summary>How long one SSM request may take before the SDK gives up on it (and, budget allowing, retries).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// One click has a few seconds in all: each attempt gets <see cref="AttemptTimeout"/>, and the SDK's standard retry mode
    /// makes at most 2 more attempts with jittered exponential backoff for throttling, 5xx, timeouts and dropped
    /// connections, and none for permanent errors (access denied, validation). The SDK is the only layer that retries SSM
    /// calls; the function adds none on top. The invocation's deadline cancels whatever is left, backoff included.
    /// </summary>
    /// <exception cref="FunctionException">ConfigurationError: no region (Lambda always sets <c>AWS_REGION</c>; a local run may not).</exception>
    /// <param name="connector">Opens the client's connections (the first one early, at start-up).</param>
    public static IAmazonSimpleSystemsManagement Create(SsmConnector connector)
    {
        var config = NewConfig(connector);
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

    /// <summary>
    /// Loads OpenSSL and fetches the two algorithms every SSM request is signed with (SigV4: SHA-256 of the body, HMAC-SHA256
    /// of the string to sign). .NET loads libssl, reads openssl.cnf and sets up OpenSSL's providers on first use; done here,
    /// in the Init phase, that work is not waited for after the event has arrived. TLS on the way to SSM uses the same library.
    /// </summary>
    public static void LoadCrypto()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData([], digest);
        HMACSHA256.HashData(digest, digest, digest);
    }

    /// <summary>The client settings above; the fault tests build their client from the same ones, so they test these retries.</summary>
    internal static AmazonSimpleSystemsManagementConfig NewConfig(SsmConnector connector) => new()
    {
        HttpClientFactory = new SsmHttpClientFactory(connector),
        Timeout = AttemptTimeout,
        MaxErrorRetry = 2,
        RetryMode = RequestRetryMode.Standard,
    };
}
