using System.Globalization;
using System.Text;
using System.Text.Json;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// The published function as Lambda runs it: a real process polling the local Runtime API, SSM from moto_server, a
/// simulated plug whose state is read from the simulator. Run once per build by the two classes below it.
/// </summary>
public abstract class FunctionEndToEndTests(FunctionFixture fixture)
{
    private const string EventsFolder = "events";

    // Default click actions: single toggle, double on, long off. A new file in events/ needs a line here.
    private static readonly Dictionary<string, EventExpectation> Expectations = new()
    {
        ["single-click.json"] = new("SINGLE", "toggle", StartsOn: false, EndsOn: true, CountdownSeconds: null),
        ["double-click.json"] = new("DOUBLE", "on", StartsOn: false, EndsOn: true, CountdownSeconds: null),
        ["long-press.json"] = new("LONG", "off", StartsOn: true, EndsOn: false, CountdownSeconds: null),
        ["one-click-double.json"] = new("DOUBLE", "on", StartsOn: false, EndsOn: true, CountdownSeconds: null),
        ["command-on-30m.json"] = new(null, "on:30m", StartsOn: false, EndsOn: true, CountdownSeconds: 1800),
        ["soracom-plus-single.json"] = new("SINGLE", "toggle", StartsOn: false, EndsOn: true, CountdownSeconds: null),
        ["soracom-global-double.json"] = new("DOUBLE", "on", StartsOn: false, EndsOn: true, CountdownSeconds: null),
        ["shelly-long-push.json"] = new("LONG", "off", StartsOn: true, EndsOn: false, CountdownSeconds: null),
        ["https-double.json"] = new("DOUBLE", "on", StartsOn: false, EndsOn: true, CountdownSeconds: null),
    };

    // SORACOM Funk invokes with the SIM in the client context; Lambda hands it over as Lambda-Runtime-Client-Context,
    // one line of JSON (a header value cannot hold the file's line breaks).
    private static readonly string SoracomClientContext = System.Text.Json.Nodes.JsonNode.Parse(
        File.ReadAllText(Path.Combine(PublishedFunction.RepositoryRoot, EventsFolder, "client-context", "soracom.json")))!.ToJsonString();

    private static readonly byte[] SingleClick = """{"serialNumber":"G030JF055364XVRB","clickType":"SINGLE","batteryVoltage":"1705mV"}"""u8.ToArray();
    private static readonly byte[] SwitchOn = """{"action":"on"}"""u8.ToArray();

    /// <summary>Every event file a user can try (settings.local.json is settings, not an event).</summary>
    public static TheoryData<string> EventFiles() => new(Directory
        .EnumerateFiles(Path.Combine(PublishedFunction.RepositoryRoot, EventsFolder), "*.json")
        .Select(Path.GetFileName)
        .Where(name => name != "settings.local.json")
        .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(EventFiles), MemberType = typeof(FunctionEndToEndTests))]
    public async Task Event_FromEventsFolder_SwitchesThePlugAndPostsTheResult(string file)
    {
        Assert.True(Expectations.TryGetValue(file, out var expected), $"events/{file} has no expectation in {nameof(FunctionEndToEndTests)}");
        await fixture.SeedAsync(fixture.PlugPort);
        await fixture.Plugs.SetStateAsync(0, expected.StartsOn);

        var outcome = await fixture.InvokeAsync(
            await File.ReadAllBytesAsync(Path.Combine(PublishedFunction.RepositoryRoot, EventsFolder, file)),
            clientContext: file.StartsWith("soracom-", StringComparison.Ordinal) ? SoracomClientContext : null);

        Assert.Null(outcome.Error);
        Assert.Equal(expected.EndsOn, (await fixture.Plugs.ReadStateAsync(0)).IsOn);
        using var result = JsonDocument.Parse(ResultOf(outcome.Response!));
        var root = result.RootElement;
        Assert.Equal(expected.ClickType, root.GetProperty("clickType").GetString());
        Assert.Equal(expected.Action, root.GetProperty("action").GetString());
        Assert.Equal(SimulatedPlugs.Host, root.GetProperty("host").GetString());
        Assert.Equal(fixture.PlugPort, root.GetProperty("port").GetInt32());
        Assert.Equal(OnOff(expected.EndsOn), root.GetProperty("after").GetString());
        if (expected.Action == "toggle")
        {
            Assert.Equal(OnOff(expected.StartsOn), root.GetProperty("before").GetString());
        }

        Assert.Equal(expected.CountdownSeconds, root.GetProperty("countdownSeconds").ValueKind == JsonValueKind.Null
            ? null
            : root.GetProperty("countdownSeconds").GetInt32());
        if (expected.CountdownSeconds is { } seconds)
        {
            var rules = await fixture.Plugs.ReadCountdownRulesAsync(0);
            Assert.Contains(new SimulatedPlugs.CountdownRule(Enable: 1, DelaySeconds: seconds, Act: expected.EndsOn ? 0 : 1), rules);
        }
    }

    [Fact]
    public async Task MissingHost_IsConfigurationError_AndTheSameProcessServesTheNextClick()
    {
        await fixture.SeedAsync(fixture.PlugPort);
        await fixture.Moto.DeleteAsync($"{EndToEndEnvironment.ParameterPath}/host");

        var error = await InvokeExpectingErrorAsync(SingleClick);

        Assert.Equal("ConfigurationError", error.ErrorType);
        Assert.Contains($"{EndToEndEnvironment.ParameterPath}/host", error.ErrorMessage, StringComparison.Ordinal);
        await AssertServesNextClickAsync();
    }

    [Fact]
    public async Task WrongPort_IsPlugUnreachable_AndTheSameProcessServesTheNextClick()
    {
        var nothingListens = FreePort.Next();
        await fixture.SeedAsync(nothingListens);

        var error = await InvokeExpectingErrorAsync(SingleClick);

        Assert.Equal("PlugUnreachable", error.ErrorType);
        Assert.Contains(nothingListens.ToString(CultureInfo.InvariantCulture), error.ErrorMessage, StringComparison.Ordinal);
        await AssertServesNextClickAsync();
    }

    [Fact]
    public async Task PlugDown_IsPlugUnreachable_AndTheSameProcessServesTheNextClick()
    {
        var doomed = await SimulatedPlugs.StartAsync("hs100");
        var port = doomed.Devices[0].Port;
        await fixture.SeedAsync(port);
        var before = await fixture.InvokeAsync(SwitchOn);
        Assert.Null(before.Error);
        await doomed.DisposeAsync();

        var error = await InvokeExpectingErrorAsync(SwitchOn);

        Assert.Equal("PlugUnreachable", error.ErrorType);
        await AssertServesNextClickAsync();
    }

    [Fact]
    public async Task SsmAccessDenied_IsConfigurationError_AndTheSameProcessServesTheNextClick()
    {
        await fixture.SeedAsync(fixture.PlugPort);
        await using var gate = await SsmGate.StartAsync(fixture.Moto.Endpoint);
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var process = await FunctionProcess.StartAsync(fixture.Build, EndToEndEnvironment.For(api, gate.Url));
        gate.DenyAccess = true;

        var denied = await api.WaitForOutcomeAsync(api.Enqueue(SingleClick), FunctionFixture.Bound);

        var error = Assert.IsType<PostedError>(denied.Error);
        Assert.Equal(("ConfigurationError", "ConfigurationError"), (error.ErrorTypeHeader, error.ErrorType));
        Assert.Contains("ssm:GetParametersByPath", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("is not authorized", error.ErrorMessage, StringComparison.Ordinal);

        gate.DenyAccess = false;
        await fixture.Plugs.SetStateAsync(0, false);
        var next = await api.WaitForOutcomeAsync(api.Enqueue(SwitchOn), FunctionFixture.Bound);
        Assert.Null(next.Error);
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task TraceId_OfEachInvocation_IsTheProcessTraceVariableDuringThatInvocation()
    {
        await fixture.SeedAsync(fixture.PlugPort);
        await using var gate = await SsmGate.StartAsync(fixture.Moto.Endpoint);
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var process = await FunctionProcess.StartAsync(fixture.Build, EndToEndEnvironment.For(api, gate.Url));
        string?[] traces = ["Root=1-67a1b2c3-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1", null,
            "Root=1-67a1b2c3-fedcba9876543210fedcba98;Parent=0123456789abcdef;Sampled=0"];

        foreach (var trace in traces)
        {
            gate.TraceHeaders.Clear();
            var outcome = await api.WaitForOutcomeAsync(api.Enqueue(SwitchOn, trace), FunctionFixture.Bound);

            Assert.Null(outcome.Error);
            // The AWS SDK copies _X_AMZN_TRACE_ID into each SSM request it makes inside Lambda.
            Assert.Equal(trace, Assert.Single(gate.TraceHeaders.Distinct()));
        }

        await process.WaitForLineAsync(line => line.Contains(traces[2]!, StringComparison.Ordinal), FunctionFixture.Bound);
    }

    [Fact]
    public async Task ColdStart_WithTheSettingsCache_ReadsSsmBeforeTheFirstEventAndNotAgainForTheClick()
    {
        await fixture.SeedAsync(fixture.PlugPort);
        await fixture.Plugs.SetStateAsync(0, false);
        await using var gate = await SsmGate.StartAsync(fixture.Moto.Endpoint);
        await using var api = await LocalRuntimeApi.StartAsync();
        var environment = EndToEndEnvironment.For(api, gate.Url);
        environment["PARAMETER_CACHE_SECONDS"] = "300";
        await using var process = await FunctionProcess.StartAsync(fixture.Build, environment);

        // No event is queued yet: an SSM call now can only be the one started before the first next.
        await gate.FirstCall.WaitAsync(FunctionFixture.Bound);
        var outcome = await api.WaitForOutcomeAsync(
            api.Enqueue(SwitchOn, "Root=1-67a1b2c3-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1"), FunctionFixture.Bound);

        Assert.Null(outcome.Error);
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        Assert.Equal(1, gate.Calls);
        Assert.Null(Assert.Single(gate.TraceHeaders));
    }

    [Fact]
    public async Task SoracomClick_WithClientContextHeader_LogsTheSimIdAsTheDevice()
    {
        await fixture.SeedAsync(fixture.PlugPort);
        var eventJson = await File.ReadAllBytesAsync(Path.Combine(PublishedFunction.RepositoryRoot, EventsFolder, "soracom-global-double.json"));

        var outcome = await fixture.InvokeAsync(eventJson, clientContext: SoracomClientContext);

        Assert.Null(outcome.Error);
        await fixture.Process.WaitForLineAsync(
            line => line.Contains(outcome.RequestId, StringComparison.Ordinal)
                && line.Contains("\"source\":\"SoracomButton\"", StringComparison.Ordinal)
                && line.Contains("\"deviceId\":\"8942310022000012345\"", StringComparison.Ordinal),
            FunctionFixture.Bound);
    }

    [Fact]
    public async Task HttpsClick_WithAWrongToken_IsAnswered401_AndThePlugStaysAsItWas()
    {
        await fixture.SeedAsync(fixture.PlugPort);
        await fixture.Plugs.SetStateAsync(0, false);
        var request = Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(Path.Combine(PublishedFunction.RepositoryRoot, EventsFolder, "https-double.json")))
            .Replace(EndToEndEnvironment.WebhookToken, EndToEndEnvironment.WebhookToken.ToUpperInvariant(), StringComparison.Ordinal));

        var outcome = await fixture.InvokeAsync(request);

        Assert.Null(outcome.Error);
        using var answer = JsonDocument.Parse(outcome.Response!);
        Assert.Equal(401, answer.RootElement.GetProperty("statusCode").GetInt32());
        Assert.False((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        Assert.DoesNotContain(EndToEndEnvironment.WebhookToken.ToUpperInvariant(), Encoding.UTF8.GetString(outcome.Response!), StringComparison.Ordinal);
    }

    /// <summary>The section 4 result: the invocation's response, or for an HTTPS click the body of its 200 answer.</summary>
    private static byte[] ResultOf(byte[] response)
    {
        using var json = JsonDocument.Parse(response);
        if (!json.RootElement.TryGetProperty("statusCode", out var status))
        {
            return response;
        }

        Assert.Equal(200, status.GetInt32());
        return Encoding.UTF8.GetBytes(json.RootElement.GetProperty("body").GetString()!);
    }

    private async Task<PostedError> InvokeExpectingErrorAsync(byte[] eventJson)
    {
        var outcome = await fixture.InvokeAsync(eventJson);
        var error = Assert.IsType<PostedError>(outcome.Error);
        Assert.Equal(error.ErrorType, error.ErrorTypeHeader);
        Assert.True(error.HasStackTraceArray);
        return error;
    }

    private async Task AssertServesNextClickAsync()
    {
        await fixture.SeedAsync(fixture.PlugPort);
        await fixture.Plugs.SetStateAsync(0, false);

        var outcome = await fixture.InvokeAsync(SwitchOn);

        Assert.Null(outcome.Error);
        Assert.True((await fixture.Plugs.ReadStateAsync(0)).IsOn);
        Assert.False(fixture.Process.HasExited);
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
