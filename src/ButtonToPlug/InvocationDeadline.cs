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
        this.end = deadline - Reserve;
        this.time = time;
        var budget = this.end - time.GetUtcNow();

        // A timer accepts at most about 49 days; a caller without a real deadline (the CLI) passes a far one.
        if (budget < TimeSpan.FromDays(1))
        {
            this.timer = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, time);
            this.linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, this.timer.Token);
        }
        else
        {
            this.linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
    }

    public CancellationToken Token => this.linked.Token;

    /// <summary>The time left before <see cref="Token"/> fires: what a retry may still spend.</summary>
    public TimeSpan Remaining => this.linked.IsCancellationRequested ? TimeSpan.Zero : this.end - this.time.GetUtcNow();

    public void Dispose()
    {
        this.linked.Dispose();
        this.timer?.Dispose();
    }
}
