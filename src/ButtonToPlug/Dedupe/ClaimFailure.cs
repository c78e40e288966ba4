using Amazon.Runtime;

namespace ButtonToPlug.Dedupe;

/// <summary>
/// Why the click table could not be used, said for the click's log line. None of these stops a click: a lamp that does not
/// switch is worse than a rare double (CONTRACTS.md section 7).
/// </summary>
internal static class ClaimFailure
{
    private static readonly HashSet<string> Throttled = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded", "LimitExceededException",
    };

    /// <summary>The exceptions a DynamoDB call ends in when the table, the network or the time budget fails; anything else is a defect.</summary>
    public static bool IsTableFailure(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException or OperationCanceledException;

    /// <summary>The cause, naming the table and what to fix; the caller adds what it meant for the click.</summary>
    public static string Describe(Exception exception, string table, TimeSpan budget) => exception switch
    {
        OperationCanceledException or TimeoutException => $"click table {table} did not answer within {budget.TotalSeconds:0.#} s",
        AmazonServiceException { ErrorCode: "AccessDeniedException" } denied =>
            $"click table {table} refused the function: its role needs dynamodb:PutItem and dynamodb:DeleteItem on the table (DynamoDB said: {denied.Message})",
        AmazonServiceException { ErrorCode: "ResourceNotFoundException" } =>
            $"click table {table} does not exist in this account and Region: create it (template.yaml does) or fix CLICK_TABLE",
        AmazonServiceException service when Throttled.Contains(service.ErrorCode ?? "") =>
            $"click table {table} throttled the request ({service.ErrorCode})",
        AmazonServiceException service =>
            $"click table {table} refused the request ({service.ErrorCode ?? service.StatusCode.ToString()}: {service.Message})",
        _ => $"click table {table} cannot be reached ({Innermost(exception).Message}); check AWS_REGION and the network",
    };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
