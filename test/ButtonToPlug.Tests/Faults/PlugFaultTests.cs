using System.Diagnostics;
using System.Text.Json;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// Issue 5's plug-side faults through <see cref="Function.HandleAsync"/>: each ends as the errorType of CONTRACTS.md
/// section 4, is cut off by the plug timeout (2 s here) and not by the far invocation deadline, allocates nothing
/// near what a hostile length header announces, and the same function instance serves the next click normally.
/// </summary>
public sealed class PlugFaultTests
{
    /// <summary>
    /// A hang guard, not a speed target: far above what the faults may take with a 2 s timeout (two attempts of two
    /// requests, an auto-protocol fallback), and far below the 60 s deadline, so reaching it means the timeout did not work.
    /// </summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    /// <summary>Short enough to keep the silent faults quick, long enough for a scripted answer on a busy machine.</summary>
    private const string PlugTimeout = "2";

    /// <summary>Far below the 4 GB a hostile header announces, far above what one failing click allocates.</summary>
    private const long AllocationBound = 64L * 1024 * 1024;

    [Theory]
    [InlineData(PlugFaults.NothingListening, ErrorTypes.PlugUnreachable)]
    [InlineData(PlugFaults.ConnectNeverCompletes, ErrorTypes.PlugUnreachable)]
    [InlineData(PlugFaults.AcceptThenSilence, ErrorTypes.PlugUnreachable)]
    [InlineData(PlugFaults.CloseWithoutAnswer, ErrorTypes.PlugUnreachable)]
    [InlineData(PlugFaults.ResetMidFrame, ErrorTypes.PlugUnreachable)]
    [InlineData(PlugFaults.LengthZero, ErrorTypes.ProtocolError)]
    [InlineData(PlugFaults.LengthFourGigabytes, ErrorTypes.ProtocolError)]
    [InlineData(PlugFaults.NotJson, ErrorTypes.ProtocolError)]
    [InlineData(PlugFaults.NotAKasaAnswer, ErrorTypes.ProtocolError)]
    [InlineData(PlugFaults.JsonArray, ErrorTypes.ProtocolError)]
    [InlineData(PlugFaults.ModuleErrorCode, ErrorTypes.PlugError)]
    [InlineData(PlugFaults.MethodErrorCode, ErrorTypes.PlugError)]
    [InlineData(PlugFaults.SlowDrip, ErrorTypes.PlugUnreachable)]
    public async Task Fault_EndsAsItsErrorType_WithinThePlugTimeout_AndTheNextClickIsServed(string fault, string errorType)
    {
        var (port, peer) = PlugFaults.Start(fault);
        await using var _ = peer;
        var settings = new StubSettings(StubSettings.For(port, PlugTimeout));
        using var log = new StringWriter();
        var function = new Function(settings, log, TimeProvider.System);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<FunctionException>(
            () => function.HandleAsync(Clicks.Command("toggle"), Clicks.FarDeadline(), CancellationToken.None)).WaitAsync(Hang);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(errorType, error.ErrorType);
        Assert.StartsWith($"{ScriptedPlug.Host}:{port}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deadline", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Hang, $"{fault} took {elapsed}");
        Assert.True(allocated < AllocationBound, $"{fault}: the click allocated {allocated} bytes");
        Assert.Contains($"\"errorType\":\"{errorType}\"", log.ToString(), StringComparison.Ordinal);

        await using var working = ScriptedPlug.Working(relayOn: false);
        settings.Current = StubSettings.For(working.Port, PlugTimeout);
        var result = await function.HandleAsync(Clicks.Command("toggle"), Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);

        using var json = JsonDocument.Parse(result);
        Assert.Equal("on", json.RootElement.GetProperty("after").GetString());
        Assert.True(working.RelayOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task AnswerInOneByteSegments_IsReadWhole(int gapMilliseconds)
    {
        await using var plug = ScriptedPlug.Start(async connection =>
        {
            while (await connection.ReadRequestAsync() is { } request)
            {
                await connection.DripAsync(PlugConnection.Frame(connection.Plug.AnswerLikeAPlug(request)), TimeSpan.FromMilliseconds(gapMilliseconds));
            }
        });
        plug.RelayOn = true;
        // About 300 segments a frame: the timeout leaves a wide margin for slow timers on a loaded machine, and stays below Hang.
        var function = new Function(new StubSettings(StubSettings.For(plug.Port, "10")), TextWriter.Null, TimeProvider.System);

        var result = await function.HandleAsync(Clicks.Command("toggle"), Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);

        using var json = JsonDocument.Parse(result);
        Assert.Equal("on", json.RootElement.GetProperty("before").GetString());
        Assert.Equal("off", json.RootElement.GetProperty("after").GetString());
        Assert.False(plug.RelayOn);
    }
}
