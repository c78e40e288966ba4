using System.Net;
using Amazon.Runtime;

namespace ButtonToPlug.Settings;

/// <summary>
/// What an SSM failure means for the user. Every one of them is a <see cref="ErrorTypes.ConfigurationError"/>: the settings
/// could not be had, so nothing was sent to the plug. The message tells a permission problem from a passing outage.
/// </summary>
internal static class SsmFailure
{
    private static readonly HashSet<string> CredentialErrors = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "InvalidSignatureException",
        "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
    };

    private static readonly HashSet<string> PassingErrors = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "InternalServerError",
        "ServiceUnavailable", "RequestTimeout",
    };

    /// <summary>A failure that may be gone in a minute: throttling, a 5xx, the network. Our own deadline is not one.</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        _ when cancellationToken.IsCancellationRequested => false,
        AmazonServiceException service => PassingErrors.Contains(service.ErrorCode ?? "") || (int)service.StatusCode >= 500,
        OperationCanceledException or TimeoutException or HttpRequestException or IOException => true,
        AmazonClientException { InnerException: { } inner } => IsTransient(inner, cancellationToken),
        _ => false,
    };

    /// <summary>Short, for the log: the error code and SSM's own message.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AmazonServiceException service => $"{service.ErrorCode ?? service.StatusCode.ToString()}: {service.Message}",
        _ => exception.Message,
    };

    public static FunctionException ToFunctionException(Exception exception, string path, CancellationToken cancellationToken)
    {
        var message = exception switch
        {
            _ when cancellationToken.IsCancellationRequested =>
                $"SSM Parameter Store did not answer before the invocation's deadline while reading {path}; nothing was sent to the plug. "
                + "Press again; if it keeps happening, raise the function's Timeout",
            AmazonServiceException { ErrorCode: "AccessDeniedException" } denied =>
                $"the function may not read its settings: its role needs ssm:GetParametersByPath on the parameter path {path} "
                + "(resource arn:aws:ssm:<region>:<account>:parameter" + path + "), and kms:Decrypt on the key of any SecureString "
                + $"parameter that uses a customer managed key (SSM said: {denied.Message})",
            AmazonServiceException { ErrorCode: "ValidationException" } invalid =>
                $"SSM rejected the parameter path {path}: set PARAMETER_PATH to a path like /ButtonToPlug (SSM said: {invalid.Message})",
            AmazonServiceException service when CredentialErrors.Contains(service.ErrorCode ?? "") =>
                $"SSM did not accept the function's AWS credentials ({Describe(service)}); check the credentials and AWS_REGION",
            _ when IsTransient(exception, cancellationToken) =>
                $"SSM Parameter Store is unavailable right now ({Describe(exception)}) and no earlier copy of the settings under {path} "
                + "is cached; nothing was sent to the plug. Press again in a moment",
            AmazonServiceException service when service.StatusCode == HttpStatusCode.BadRequest =>
                $"SSM refused to read {path} ({Describe(service)})",
            AmazonClientException client =>
                $"cannot call SSM Parameter Store ({client.Message}); check AWS_REGION and the function's AWS credentials",
            _ => $"reading the settings under {path} failed ({exception.GetType().Name}: {exception.Message})",
        };
        return new FunctionException(ErrorTypes.ConfigurationError, message, exception);
    }
}
