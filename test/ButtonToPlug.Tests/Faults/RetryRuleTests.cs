using System.Text.Json;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// The retry rule (PlugRetryRule) seen from the plug: it counts the requests that really arrived. A toggle or a countdown
/// whose request went out reaches the plug once, whatever happens to the answer; on and off are sent again after a reset;
/// any action is tried again when the connect never completed.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class RetryRuleTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("toggle", true)]
    [InlineData("on:30m", true)]
    [InlineData("off:90s", false)]
    public async Task ToggleOrCountdown_WhenTheAnswerToTheSwitchIsLost_IsSentOnce(string action, bool relayAfter)
    {
        await using var plug = ScriptedPlug.Start(connection => SwitchesThenResetsAsync(connection, resetOnConnection: _ => true));
        plug.RelayOn = !relayAfter;
        var function = NewFunction(plug.Port, out var log);

        var error = await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command(action), Clicks.FarDeadline(), CancellationToken.None)).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.Equal(relayAfter, plug.RelayOn);
        Assert.DoesNotContain("tried again", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_WhenTheStateReadIsReset_IsNotRetried()
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            await connection.ReadRequestAsync();
            connection.Reset();
        });
        var function = NewFunction(plug.Port, out _);

        var error = await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command("toggle"), Clicks.FarDeadline(), CancellationToken.None)).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        Assert.Single(plug.Requests);
        Assert.Equal(0, plug.CountRequests("set_relay_state"));
    }

    [Theory]
    [InlineData("on", false, true)]
    [InlineData("off", true, false)]
    public async Task OnOrOff_WhenTheConnectionResetsMidReply_IsSentAgainAndSucceeds(string action, bool before, bool after)
    {
        await using var plug = ScriptedPlug.Start(connection => SwitchesThenResetsAsync(connection, resetOnConnection: n => n == 1));
        plug.RelayOn = before;
        var function = NewFunction(plug.Port, out var log);

        var result = await function.HandleAsync(Clicks.Command(action), Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);

        using var json = JsonDocument.Parse(result);
        Assert.Equal(after ? "on" : "off", json.RootElement.GetProperty("after").GetString());
        Assert.Equal(2, plug.CountRequests("set_relay_state"));
        Assert.Equal(after, plug.RelayOn);
        Assert.Contains("attempt 1 failed after the request went out", log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("toggle", true)]
    [InlineData("on", true)]
    [InlineData("off:30m", false)]
    public async Task AnyAction_WhenTheConnectNeverCompleted_IsTriedAgainAndSentOnce(string action, bool after)
    {
        await using var plug = ScriptedPlug.StartWithDoorClosed(ScriptedPlug.ServeLikeAPlugAsync);
        plug.RelayOn = !after;

        // Under Linux's first SYN retransmission (1 s): the dropped SYN is never resent within the first attempt.
        var function = NewFunction(plug.Port, out var log, timeoutSeconds: "0.5");

        // HandleAsync has sent its SYN into the full accept queue before it returns the task; the first connect can only
        // time out. The door opens now, so the second attempt gets through.
        var click = function.HandleAsync(Clicks.Command(action), Clicks.FarDeadline(), CancellationToken.None);
        plug.OpenTheDoor();
        var result = await click.WaitAsync(Hang);

        using var json = JsonDocument.Parse(result);
        Assert.Equal(after ? "on" : "off", json.RootElement.GetProperty("after").GetString());
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.Equal(after, plug.RelayOn);
        Assert.Contains("attempt 1 failed before anything was sent", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectFailure_WhenTooLittleTimeIsLeftForASecondAttempt_IsReportedAsItWas()
    {
        await using var plug = ScriptedPlug.StartWithDoorClosed(ScriptedPlug.ServeLikeAPlugAsync);
        using var log = new StringWriter();

        // The deadline runs on a manual clock that stands still, the 1 s connect timeout on the real one: 1.3 s in all, 0.25 s
        // of it kept back, leaves 1.05 s after the first attempt, less than the pause and a whole second attempt.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var function = new Function(new StubSettings(StubSettings.For(plug.Port, "1")), log, clock);
        var context = Clicks.Within(TimeSpan.FromSeconds(1.3), clock);
        var error = await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command("on"), context, CancellationToken.None)).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        Assert.Contains("no connection within 1 s", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tried again", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnAfterAReset_WhenTheDeadlineCannotHoldAWholeSecondAttempt_ReportsTheFirstCause()
    {
        await using var plug = ScriptedPlug.Start(connection => SwitchesThenResetsAsync(connection, resetOnConnection: n => n == 1));
        var function = NewFunction(plug.Port, out var log, timeoutSeconds: "2");

        // A second `on` costs the pause and one exchange of 2 s; 2 s in all (less the deadline's reserve) cannot hold it.
        var error = await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command("on"), Clicks.Within(TimeSpan.FromSeconds(2)), CancellationToken.None)).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        Assert.Contains("connection lost while waiting for the answer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deadline", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
        Assert.DoesNotContain("tried again", log.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Answers like a plug, except that on the chosen connections a switch is carried out and its answer cut off by a reset.
    /// Each attempt opens one connection and keeps it: an on/off click's switch is connection 1 (nothing is read before it), its
    /// second attempt connection 2; a toggle's read and switch both go on connection 1 (a partial answer there is not resent).
    /// </summary>
    private static async Task SwitchesThenResetsAsync(PlugConnection connection, Func<int, bool> resetOnConnection)
    {
        while (await connection.ReadRequestAsync() is { } request)
        {
            var answer = connection.Plug.AnswerLikeAPlug(request);
            if (request.Contains("set_relay_state", StringComparison.Ordinal) && resetOnConnection(connection.Number))
            {
                await connection.SendAsync(PlugConnection.Frame(answer).AsMemory(0, 7));
                connection.Reset();
                return;
            }

            await connection.AnswerAsync(answer);
        }
    }

    [Fact]
    public async Task Countdown_WithAutoWhenTheXorProbeCarryingItGetsNoAnswer_IsSentOnce()
    {
        // An XOR plug that carries out what it reads and never answers; with auto the XOR probe is the countdown itself.
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is { } request)
            {
                connection.Plug.AnswerLikeAPlug(request);
                await connection.SilenceAsync();
            }
        });
        using var log = new StringWriter();
        var settings = StubSettings.For(plug.Port, "1", (SettingNames.Protocol, "auto"));
        var function = new Function(new StubSettings(settings), log, TimeProvider.System);

        await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command("on:30m"), Clicks.FarDeadline(), CancellationToken.None)).WaitAsync(Hang);

        Assert.Equal(1, plug.CountRequests("add_rule"));
        Assert.True(plug.RelayOn);
        Assert.DoesNotContain("tried again", log.ToString(), StringComparison.Ordinal);
    }

    private static Function NewFunction(int port, out StringWriter log, string timeoutSeconds = "2")
    {
        log = new StringWriter();
        return new Function(new StubSettings(StubSettings.For(port, timeoutSeconds)), log, TimeProvider.System);
    }
}
