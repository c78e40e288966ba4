namespace ButtonToPlug.Runtime;

/// <summary>
/// The four calls a runtime makes to the Lambda Runtime API. Every failure, whether an HTTP status or a broken
/// connection, surfaces as <see cref="RuntimeApiException"/> so the loop has one thing to decide on.
/// </summary>
internal interface IRuntimeApiClient
{
    /// <summary>Long-polls for the next event; returns when Lambda has one.</summary>
    Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    Task PostErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken);

    Task PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken);
}
