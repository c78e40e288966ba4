using System.Text;
using System.Text.Json;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// CONTRACTS.md section 7 through the Native AOT <c>bootstrap</c>: a click that carries a key is switched at most once, however
/// often Lambda delivers it, and a click table that fails never stops a click.
/// </summary>
public sealed class DuplicateDeliveryTests(DuplicateDeliveryFixture fixture) : IClassFixture<DuplicateDeliveryFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        fixture.Gate.Fault = null;
        fixture.Gate.NextFaults.Clear();
        await fixture.SeedAsync(fixture.PlugPort);
        await fixture.Plugs.SetStateAsync(0, false);
    }

    public Task DisposeAsync()
    {
        fixture.Gate.Fault = null;
        fixture.Gate.NextFaults.Clear();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SameToggleTwice_SwitchesOnce_AndTheSecondIsIgnored()
    {
        var click = SingleClick(NewKey());

        var first = await fixture.InvokeAsync(click);
        var second = await fixture.InvokeAsync(click);

        Assert.Equal("on", Result(first).GetProperty("after").GetString());
        var ignored = Result(second);
        Assert.True(ignored.GetProperty("ignored").GetBoolean());
        Assert.Contains("duplicate", ignored.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        var line = await LogLineAsync(fixture.Process, second.RequestId);
        Assert.Equal(("INFO", "ignored"), (line.GetProperty("level").GetString(), line.GetProperty("outcome").GetString()));
        Assert.Equal(KeyOf(click), line.GetProperty("clickKey").GetString());
    }

    [Fact]
    public async Task TwoDifferentClicks_ToggleTwice()
    {
        var first = await fixture.InvokeAsync(SingleClick(NewKey()));
        var second = await fixture.InvokeAsync(SingleClick(NewKey()));

        Assert.Equal("on", Result(first).GetProperty("after").GetString());
        Assert.Equal("off", Result(second).GetProperty("after").GetString());
        Assert.False((await fixture.Plugs.ReadStateAsync(0)).IsOn);
    }

    [Fact]
    public async Task FiftyParallelDeliveries_OfOneToggle_SwitchItExactlyOnce()
    {
        // Ten sandboxes polling one Runtime API take the deliveries at the same moment, as Lambda's scaling would.
        await using var api = await LocalRuntimeApi.StartAsync();
        var sandboxes = new List<FunctionProcess>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                sandboxes.Add(await FunctionProcess.StartAsync(FunctionBuild.Aot, fixture.EnvironmentFor(api, fixture.MotoUrl, DuplicateDeliveryFixture.Table)));
            }

            var click = SingleClick(NewKey());
            var requests = Enumerable.Range(0, 50).Select(_ => api.Enqueue(click, timeout: TimeSpan.FromSeconds(60))).ToList();
            var outcomes = await Task.WhenAll(requests.Select(id => api.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(60))));

            var results = outcomes.Select(Result).ToList();
            var switched = Assert.Single(results, r => !r.TryGetProperty("ignored", out _));
            Assert.Equal("on", switched.GetProperty("after").GetString());
            Assert.Equal(49, results.Count(r => r.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()));
            Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        }
        finally
        {
            foreach (var sandbox in sandboxes)
            {
                await sandbox.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(DynamoDbFault.AccessDenied, "dynamodb:PutItem")]
    [InlineData(DynamoDbFault.Throttling, "throttled")]
    [InlineData(DynamoDbFault.Hang, "did not answer within 2 s")]
    public async Task FailingTable_DoesNotStopTheClick_AndWarns(DynamoDbFault fault, string warning)
    {
        fixture.Gate.Fault = fault;

        var outcome = await fixture.InvokeAsync(SingleClick(NewKey()));

        Assert.Equal("on", Result(outcome).GetProperty("after").GetString());
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        var line = await LogLineAsync(fixture.Process, outcome.RequestId);
        Assert.Equal(("WARN", "ok"), (line.GetProperty("level").GetString(), line.GetProperty("outcome").GetString()));
        Assert.Contains(line.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThrottledTable_IsTriedAtMostTwice_ThenTheClickGoesAhead()
    {
        fixture.Gate.Fault = DynamoDbFault.Throttling;
        var before = fixture.Gate.CallsTo("PutItem");

        var outcome = await fixture.InvokeAsync(SingleClick(NewKey()));

        Assert.Null(outcome.Error);
        // The SDK's DynamoDB default would be 10 retries; a person is waiting at the lamp. (The retry's backoff may not fit in
        // the claim's budget, so one attempt is allowed too.)
        Assert.InRange(fixture.Gate.CallsTo("PutItem") - before, 1, 2);
    }

    [Fact]
    public async Task ClaimWhoseAnswerWasLost_IsKnownAsItsOwn_WhenTheSdkTriesAgain()
    {
        fixture.Gate.NextFaults.Enqueue(DynamoDbFault.AnswerLost);
        var before = fixture.Gate.CallsTo("PutItem");
        var click = SingleClick(NewKey());

        var first = await fixture.InvokeAsync(click);
        var duplicate = await fixture.InvokeAsync(click);

        // The lost write, the SDK's retry of it, and the duplicate's own (plus one more per attempt that timed out under load).
        Assert.InRange(fixture.Gate.CallsTo("PutItem") - before, 3, 5);
        Assert.Equal("on", Result(first).GetProperty("after").GetString());
        Assert.True(Result(duplicate).GetProperty("ignored").GetBoolean());
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
    }

    [Fact]
    public async Task MissingTable_DoesNotStopTheClick_AndWarns()
    {
        await AssertGoesAheadWithWarningAsync(fixture.MotoUrl, "NoSuchClickTable", "does not exist");
    }

    [Fact]
    public async Task UnreachableTable_DoesNotStopTheClick_AndWarns()
    {
        await AssertGoesAheadWithWarningAsync($"http://127.0.0.1:{FreePort.Next()}", DuplicateDeliveryFixture.Table, "cannot be reached");
    }

    [Fact]
    public async Task FirstDeliveryFailedAtThePlug_BeforeSending_DoesNotBlockItsDuplicate()
    {
        var click = SingleClick(NewKey());
        await fixture.SeedAsync(FreePort.Next());

        var failed = await fixture.InvokeAsync(click);

        Assert.Equal("PlugUnreachable", Assert.IsType<PostedError>(failed.Error).ErrorType);
        Assert.Null(await fixture.Moto.ReadClickAsync(DuplicateDeliveryFixture.Table, KeyOf(click)));
        await fixture.SeedAsync(fixture.PlugPort);
        var duplicate = await fixture.InvokeAsync(click);
        Assert.Equal("on", Result(duplicate).GetProperty("after").GetString());
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        Assert.NotNull(await fixture.Moto.ReadClickAsync(DuplicateDeliveryFixture.Table, KeyOf(click)));
    }

    [Fact]
    public async Task On_WithTheTableConfigured_MakesNoDynamoDbCall_WhileToggleMakesOne()
    {
        var before = fixture.Gate.Calls;
        var on = await fixture.InvokeAsync(Encoding.UTF8.GetBytes($$"""{"action":"on","clickId":"{{NewKey()}}"}"""));
        var off = await fixture.InvokeAsync(Encoding.UTF8.GetBytes($$"""{"action":"off","clickId":"{{NewKey()}}"}"""));
        var afterOnOff = fixture.Gate.Calls;
        var toggle = await fixture.InvokeAsync(SingleClick(NewKey()));

        Assert.Equal(("on", "off", "on"), (Result(on).GetProperty("after").GetString(), Result(off).GetProperty("after").GetString(), Result(toggle).GetProperty("after").GetString()));
        Assert.Equal(0, afterOnOff - before);
        // One claim; a second attempt only when moto answers slower than the SDK's attempt timeout on a loaded machine.
        Assert.InRange(fixture.Gate.Calls - afterOnOff, 1, 2);
    }

    [Fact]
    public async Task ClaimedKey_ExpiresAfter24Hours()
    {
        var click = SingleClick(NewKey());
        var started = DateTimeOffset.UtcNow;

        Assert.Null((await fixture.InvokeAsync(click)).Error);

        var item = await fixture.Moto.ReadClickAsync(DuplicateDeliveryFixture.Table, KeyOf(click));
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(item!["expiresAt"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(expiresAt, started.AddHours(24).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(24).AddSeconds(1));
    }

    private async Task AssertGoesAheadWithWarningAsync(string dynamoUrl, string table, string warning)
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var process = await FunctionProcess.StartAsync(FunctionBuild.Aot, fixture.EnvironmentFor(api, dynamoUrl, table));

        var outcome = await api.WaitForOutcomeAsync(api.Enqueue(SingleClick(NewKey())), FunctionFixture.Bound);

        Assert.Equal("on", Result(outcome).GetProperty("after").GetString());
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        var line = await LogLineAsync(process, outcome.RequestId);
        Assert.Equal("WARN", line.GetProperty("level").GetString());
        Assert.Contains(line.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(warning, StringComparison.Ordinal));
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private static byte[] SingleClick(string clickId) => Encoding.UTF8.GetBytes(
        $$"""{"serialNumber":"G030JF055364XVRB","clickType":"SINGLE","batteryVoltage":"1705mV","clickId":"{{clickId}}"}""");

    private static string KeyOf(byte[] click)
    {
        using var json = JsonDocument.Parse(click);
        return json.RootElement.GetProperty("clickId").GetString()!;
    }

    private static JsonElement Result(InvocationOutcome outcome)
    {
        using var json = JsonDocument.Parse(outcome.ResponseText);
        return json.RootElement.Clone();
    }

    private static async Task<JsonElement> LogLineAsync(FunctionProcess process, string requestId)
    {
        var line = await process.WaitForLineAsync(
            l => l.Contains(requestId, StringComparison.Ordinal) && l.Contains("\"outcome\"", StringComparison.Ordinal), FunctionFixture.Bound);
        using var json = JsonDocument.Parse(line);
        return json.RootElement.Clone();
    }
}
