using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// A click that cannot finish before the invocation's deadline becomes a reported PlugUnreachable error, returned before
/// the deadline (the function keeps a reserve for posting it), never a Lambda timeout.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DeadlineTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("toggle")]
    [InlineData("on")]
    [InlineData("off:10m")]
    public async Task SilentPlug_WithADeadlineShorterThanThePlugTimeout_IsReportedBeforeTheDeadline(string action)
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            await connection.ReadRequestAsync();
            await connection.SilenceAsync();
        });
        using var log = new StringWriter();
        var function = new Function(new StubSettings(StubSettings.For(plug.Port, timeoutSeconds: "3")), log, TimeProvider.System);
        var context = Clicks.Within(TimeSpan.FromSeconds(1.5));

        var error = await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command(action), context, CancellationToken.None)).WaitAsync(Hang);
        var answeredAt = DateTimeOffset.UtcNow;

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        Assert.Contains("did not finish before the invocation's deadline", error.Message, StringComparison.Ordinal);
        Assert.True(answeredAt < context.Deadline, $"answered {(answeredAt - context.Deadline).TotalMilliseconds} ms after the deadline");
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
