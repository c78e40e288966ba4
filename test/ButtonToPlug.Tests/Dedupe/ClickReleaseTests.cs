using System.Text;
using ButtonToPlug.Dedupe;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Dedupe;

/// <summary>
/// Which failed first deliveries give their key back (<see cref="ReleaseRule"/>): a toggle that failed against a hostile plug,
/// through <see cref="Function.HandleAsync"/> with the click table in moto_server's DynamoDB.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class ClickReleaseTests(MotoFixture moto) : IAsyncLifetime
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly string table = $"clicks-{Guid.NewGuid():N}";

    public Task InitializeAsync() => moto.Server.CreateClickTableAsync(this.table);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Faults.PlugFaults.NothingListening, ErrorTypes.PlugUnreachable, true)]
    [InlineData(Faults.PlugFaults.ConnectNeverCompletes, ErrorTypes.PlugUnreachable, true)]
    [InlineData(Faults.PlugFaults.AcceptThenSilence, ErrorTypes.PlugUnreachable, false)]
    [InlineData(Faults.PlugFaults.CloseWithoutAnswer, ErrorTypes.PlugUnreachable, false)]
    [InlineData(Faults.PlugFaults.ModuleErrorCode, ErrorTypes.PlugError, false)]
    [InlineData(Faults.PlugFaults.NotJson, ErrorTypes.ProtocolError, false)]
    public async Task FailedToggle_ReleasesItsKey_OnlyWhenNothingReachedThePlug(string fault, string errorType, bool released)
    {
        var (port, peer) = Faults.PlugFaults.Start(fault);
        await using var _ = peer;
        var key = Guid.NewGuid().ToString();
        var function = NewFunction(port);

        var error = await Assert.ThrowsAsync<FunctionException>(() => function.HandleAsync(Toggle(key), Faults.Clicks.FarDeadline(), CancellationToken.None)).WaitAsync(Hang);

        Assert.Equal(errorType, error.ErrorType);
        Assert.Equal(released, await moto.Server.ReadClickAsync(this.table, key) is null);
    }

    [Fact]
    public async Task DuplicateOfAReleasedClick_Switches_AndADuplicateOfThatIsIgnored()
    {
        var key = Guid.NewGuid().ToString();
        await Assert.ThrowsAsync<FunctionException>(() => NewFunction(FreePort.Next()).HandleAsync(Toggle(key), Faults.Clicks.FarDeadline(), CancellationToken.None));
        await using var plug = ScriptedPlug.Working(relayOn: false);
        var function = NewFunction(plug.Port);

        var switched = Encoding.UTF8.GetString(await function.HandleAsync(Toggle(key), Faults.Clicks.FarDeadline(), CancellationToken.None));
        var ignored = Encoding.UTF8.GetString(await function.HandleAsync(Toggle(key), Faults.Clicks.FarDeadline(), CancellationToken.None));

        Assert.Contains("\"after\":\"on\"", switched, StringComparison.Ordinal);
        Assert.Contains("\"ignored\":true", ignored, StringComparison.Ordinal);
        Assert.True(plug.RelayOn);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
    }

    [Theory]
    [InlineData(ErrorTypes.ConfigurationError, false, true)]
    [InlineData(ErrorTypes.PlugUnreachable, false, true)]
    [InlineData(ErrorTypes.PlugUnreachable, true, false)]
    [InlineData(ErrorTypes.PlugError, false, false)]
    [InlineData(ErrorTypes.ProtocolError, false, false)]
    [InlineData(ErrorTypes.InternalError, false, false)]
    public void NothingSwitched_IsTrueOnlyForConfigurationAndUnsentRequests(string errorType, bool requestSent, bool expected)
    {
        var failure = new FunctionException(errorType, "failed") { NothingReachedThePlug = !requestSent };

        Assert.Equal(expected, ReleaseRule.NothingSwitched(failure));
    }

    [Fact]
    public void NothingSwitched_IsFalseForTheDeadline_WhichSaysNothingOfWhatWasSent()
    {
        Assert.False(ReleaseRule.NothingSwitched(new FunctionException(ErrorTypes.PlugUnreachable, "the plug did not finish before the invocation's deadline")));
    }

    private Function NewFunction(int port) => new(
        new Faults.StubSettings(Faults.StubSettings.For(port, "2")), TextWriter.Null, TimeProvider.System,
        new ClickClaims(this.table, DynamoDbClientFactory.Create, TimeProvider.System));

    private static byte[] Toggle(string key) => Encoding.UTF8.GetBytes($$"""{"action":"toggle","clickId":"{{key}}"}""");
}
