using System.Net;
using ButtonToPlug.Runtime;

namespace ButtonToPlug.Tests.RuntimeApi;

/// <summary>
/// A scripted Runtime API for the loop: hands out the queued invocations, then answers 500 on <c>next</c> (which ends
/// the loop); records every post.
/// </summary>
internal sealed class FakeRuntimeApiClient : IRuntimeApiClient
{
    private readonly Queue<RuntimeInvocation> invocations = new();
    private readonly TaskCompletionSource polled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<(string RequestId, byte[] Body)> Responses { get; } = [];

    public List<(string RequestId, RuntimeError Error)> Errors { get; } = [];

    public List<RuntimeError> InitErrors { get; } = [];

    public int NextCalls { get; private set; }

    /// <summary>Thrown by every post when set, to play a Runtime API that rejects them.</summary>
    public RuntimeApiException? PostFailure { get; set; }

    /// <summary>When set, <c>next</c> on an empty queue waits until its token is cancelled, as a real long poll does, instead of answering 500.</summary>
    public bool HoldWhenEmpty { get; set; }

    /// <summary>Completes when <c>next</c> is waiting on an empty queue.</summary>
    public Task Polled => this.polled.Task;

    public RuntimeInvocation Enqueue(string eventJson, string? traceId = null, string? clientContext = null)
    {
        var invocation = new RuntimeInvocation(
            Guid.NewGuid().ToString(),
            DateTimeOffset.UtcNow.AddSeconds(30),
            traceId,
            System.Text.Encoding.UTF8.GetBytes(eventJson))
        {
            ClientContext = clientContext,
        };
        this.invocations.Enqueue(invocation);
        return invocation;
    }

    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        NextCalls++;
        if (this.invocations.TryDequeue(out var invocation))
        {
            return invocation;
        }

        if (HoldWhenEmpty)
        {
            this.polled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        throw new RuntimeApiException("invocation/next answered 500", HttpStatusCode.InternalServerError);
    }

    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken) =>
        Post(() => Responses.Add((requestId, response.ToArray())));

    public Task PostErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        Post(() => Errors.Add((requestId, error)));

    public Task PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        Post(() => InitErrors.Add(error));

    private Task Post(Action record)
    {
        if (PostFailure is not null)
        {
            return Task.FromException(PostFailure);
        }

        record();
        return Task.CompletedTask;
    }
}
