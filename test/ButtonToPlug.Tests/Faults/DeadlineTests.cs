using ButtonToPlug.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// A click that cannot finish before the invocation's deadline becomes a reported PlugUnreachable error, returned before
/// the deadline (the function keeps a reserve for posting it), never a Lambda timeout.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DeadlineTests
{
    // Below the silent plug's 30 s timeout: reaching it means the deadline did not end the click.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("toggle")]
    [InlineData("on")]
    [InlineData("off:10m")]
    public async Task SilentPlug_WithADeadlineShorterThanThePlugTimeout_IsReportedBeforeTheDeadline(string action)
    {
        var requestRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            await connection.ReadRequestAsync();
            requestRead.TrySetResult();
            await connection.SilenceAsync();
        });
        using var log = new StringWriter();

        // The deadline runs on a manual clock, the plug's 30 s timeout on the real one: only the deadline can end the click
        // within Hang, and it must fire when the clock reaches the deadline less the reserve, not later.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var function = new Function(new StubSettings(StubSettings.For(plug.Port, timeoutSeconds: "30")), log, clock);
        var context = Clicks.Within(TimeSpan.FromSeconds(1.5), clock);

        var click = function.HandleAsync(Clicks.Command(action), context, CancellationToken.None);
        await requestRead.Task.WaitAsync(Hang);
        clock.Advance(context.Deadline - InvocationDeadline.Reserve - clock.GetUtcNow());
        var error = await Assert.ThrowsAsync<FunctionException>(() => click).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        Assert.Contains("did not finish before the invocation's deadline", error.Message, StringComparison.Ordinal);
        Assert.True(clock.GetUtcNow() < context.Deadline, "the click ended only after the deadline");
        Assert.Contains("\"errorType\":\"PlugUnreachable\"", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineAlreadyPassed_IsReportedAtOnceWithoutTouchingThePlug()
    {
        await using var plug = ScriptedPlug.Working();
        var function = new Function(new StubSettings(StubSettings.For(plug.Port)), TextWriter.Null, TimeProvider.System);

        var error = await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command("toggle"), Clicks.Within(TimeSpan.FromMilliseconds(-5)), CancellationToken.None)).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        Assert.Empty(plug.Requests);
    }
}
