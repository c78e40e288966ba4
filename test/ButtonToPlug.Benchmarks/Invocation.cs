using System.Text;

namespace ButtonToPlug.Benchmarks;

/// <summary>One event handed to a runtime, with the harness's timestamps of its journey.</summary>
internal sealed class Invocation(string requestId, byte[] eventJson)
{
    private readonly TaskCompletionSource<long> posted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public byte[] Event { get; } = eventJson;

    /// <summary>When the <c>next</c> answer carrying this event was completed (Stopwatch timestamp).</summary>
    public long HandedOutAt { get; set; }

    /// <summary>Completes with the Stopwatch timestamp at which the response arrived; faults when an error was posted.</summary>
    public Task<long> Completed => this.posted.Task;

    public void Complete(long postedAt, bool failed, byte[] body)
    {
        if (failed)
        {
            Fail($"the function posted an error: {Encoding.UTF8.GetString(body)}");
        }
        else
        {
            this.posted.TrySetResult(postedAt);
        }
    }

    public void Fail(string reason) => this.posted.TrySetException(new InvalidOperationException($"request {RequestId}: {reason}"));
}
