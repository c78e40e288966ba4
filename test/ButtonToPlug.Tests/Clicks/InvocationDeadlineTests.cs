using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Clicks;

public sealed class InvocationDeadlineTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Token_FiresTheReserveBeforeTheDeadline()
    {
        using var deadline = new InvocationDeadline(this.time.GetUtcNow().AddSeconds(3), this.time, CancellationToken.None);

        this.time.Advance(TimeSpan.FromSeconds(3) - InvocationDeadline.Reserve - TimeSpan.FromMilliseconds(1));
        var before = deadline.Token.IsCancellationRequested;
        this.time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(before);
        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void Token_DeadlineAlreadyPassed_IsCancelledAtOnce()
    {
        using var deadline = new InvocationDeadline(this.time.GetUtcNow().AddSeconds(-1), this.time, CancellationToken.None);

        this.time.Advance(TimeSpan.Zero);

        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void Token_FarDeadline_FollowsOnlyTheCaller()
    {
        using var caller = new CancellationTokenSource();
        using var deadline = new InvocationDeadline(DateTimeOffset.MaxValue, this.time, caller.Token);

        this.time.Advance(TimeSpan.FromDays(365));
        var afterAYear = deadline.Token.IsCancellationRequested;
        caller.Cancel();

        Assert.False(afterAYear);
        Assert.True(deadline.Token.IsCancellationRequested);
    }
}
