namespace ButtonToPlug;

/// <summary>
/// A token that fires a little before Lambda's deadline, so a click that cannot finish ends as a reported error with time
/// left to post it, instead of a Lambda timeout that says nothing.
/// </summary>
internal sealed class InvocationDeadline : IDisposable
{
    /// <summary>Time kept back for writing the log line and posting the error to the Runtime API.</summary>
    public static readonly TimeSpan Reserve = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource? timer;
    private readonly CancellationTokenSource linked;
    private readonly DateTimeOffset end;
    private readonly TimeProvider time;

    public InvocationDeadline(DateTimeOffset deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        end = deadline - Reserve;
        this.time = time;
        var budget = end - time.GetUtcNow();

        // A timer accepts at most about 49 days; a caller without a real deadline (the CLI) passes a far one.
        if (budget < TimeSpan.FromDays(1))
        {
            timer = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, time);
            linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        }
        else
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
    }

    public CancellationToken Token => linked.Token;

    /// <summary>The time left before <see cref="Token"/> fires: what a retry may still spend.</summary>
    public TimeSpan Remaining => linked.IsCancellationRequested ? TimeSpan.Zero : end - time.GetUtcNow();

    public void Dispose()
    {
        linked.Dispose();
        timer?.Dispose();
    }
}
