using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.EndToEnd;
using ButtonToPlug.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// The SSM side of issue 5, with the function's own SSM client settings (SsmClientFactory.NewConfig) against moto_server
/// behind <see cref="SsmGate"/>, which injects what moto cannot produce. The SDK (standard retry mode, 3 attempts) is the
/// one layer that retries SSM; these tests count its attempts at the gate so a second retry layer would show.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class SsmFaultTests(MotoFixture fixture) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    private readonly string path = MotoFixture.NewPath();
    private readonly FakeTimeProvider clock = new();
    private readonly StringWriter log = new();
    private SsmGate gate = null!;
    private ScriptedPlug plug = null!;
    private AmazonSimpleSystemsManagementClient client = null!;

    public async Task InitializeAsync()
    {
        gate = await SsmGate.StartAsync(fixture.Server.Endpoint);
        plug = ScriptedPlug.Working();
        var config = SsmClientFactory.NewConfig();
        config.ServiceURL = gate.Url;
        config.AuthenticationRegion = MotoServer.Region;
        client = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials(MotoServer.AccessKeyId, MotoServer.SecretAccessKey), config);
        await fixture.Server.PutAllAsync(path, new Dictionary<string, string>
        {
            [SettingNames.Host] = ScriptedPlug.Host,
            [SettingNames.Port] = plug.Port.ToString(CultureInfo.InvariantCulture),
            [SettingNames.Protocol] = "xor",
        });
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await plug.DisposeAsync();
        await gate.DisposeAsync();
    }

    public void Dispose() => log.Dispose();

    [Theory]
    [InlineData(SsmFault.Throttling)]
    [InlineData(SsmFault.InternalError)]
    public async Task TransientFault_TwiceThenAnswered_IsRetriedByTheSdkAndTheClickSucceeds(SsmFault fault)
    {
        gate.NextFaults.Enqueue(fault);
        gate.NextFaults.Enqueue(fault);

        await ClickAsync(NewFunction(), Clicks.FarDeadline());

        Assert.Equal(3, gate.Calls);
        Assert.True(plug.RelayOn);
    }

    [Theory]
    [InlineData(SsmFault.Throttling, "ThrottlingException")]
    [InlineData(SsmFault.InternalError, "InternalServerError")]
    public async Task TransientFault_ThatLasts_WithoutACachedCopy_IsAConfigurationErrorAfterThreeAttempts(SsmFault fault, string code)
    {
        gate.Fault = fault;

        var error = await FailAsync(NewFunction(), Clicks.FarDeadline());

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("unavailable right now", error.Message, StringComparison.Ordinal);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, gate.Calls);
        Assert.Empty(plug.Requests);
    }

    [Theory]
    [InlineData(SsmFault.AccessDenied, "ssm:GetParametersByPath")]
    [InlineData(SsmFault.Validation, "PARAMETER_PATH")]
    public async Task PermanentFault_IsReportedAtOnceWithoutRetrying(SsmFault fault, string advice)
    {
        gate.Fault = fault;

        var error = await FailAsync(NewFunction(), Clicks.FarDeadline());

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, gate.Calls);
        Assert.Empty(plug.Requests);
    }

    [Theory]
    [InlineData(SsmFault.Throttling)]
    [InlineData(SsmFault.InternalError)]
    [InlineData(SsmFault.Hang)]
    public async Task SsmUnavailable_WithAnExpiredCachedCopy_ServesTheClickFromTheCopyAndLogsIt(SsmFault fault)
    {
        var function = NewFunction();
        await ClickAsync(function, Clicks.FarDeadline());
        clock.Advance(CacheLifetime + TimeSpan.FromMinutes(10));
        gate.Fault = fault;

        await ClickAsync(function, Clicks.FarDeadline());

        Assert.Equal(2, plug.CountRequests("set_relay_state"));
        Assert.Contains("using the cached settings read 900 s ago", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"level\":\"WARN\"", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SsmUnavailable_WithACopyPastTheStaleLimit_IsAConfigurationError()
    {
        var function = NewFunction();
        await ClickAsync(function, Clicks.FarDeadline());
        clock.Advance(CacheLifetime + ParameterStoreSettings.StaleLimit + TimeSpan.FromSeconds(1));
        gate.Fault = SsmFault.Throttling;

        var error = await FailAsync(function, Clicks.FarDeadline());

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Equal(1, plug.CountRequests("set_relay_state"));
    }

    [Fact]
    public async Task SlowSsm_WithoutACachedCopy_IsReportedBeforeTheDeadline()
    {
        gate.Fault = SsmFault.Hang;
        var context = Clicks.Within(TimeSpan.FromSeconds(3));

        var error = await FailAsync(NewFunction(), context);
        var answeredAt = DateTimeOffset.UtcNow;

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("did not answer before the invocation's deadline", error.Message, StringComparison.Ordinal);
        Assert.True(answeredAt < context.Deadline, $"answered {(answeredAt - context.Deadline).TotalMilliseconds} ms after the deadline");
        Assert.Empty(plug.Requests);
    }

    [Fact]
    public async Task MoreThanTenParameters_AreReadAcrossPages()
    {
        // Written first, so the settings the click needs come after SSM's first page of 10.
        var other = MotoFixture.NewPath();
        for (var i = 0; i < 14; i++)
        {
            await fixture.Server.PutAsync($"{other}/note{i:00}", "ignored by the function");
        }

        await fixture.Server.PutAllAsync(other, new Dictionary<string, string>
        {
            [SettingNames.Host] = ScriptedPlug.Host,
            [SettingNames.Port] = plug.Port.ToString(CultureInfo.InvariantCulture),
            [SettingNames.Single] = "on:1h",
        });
        var function = new Function(new ParameterStoreSettings(client, other, CacheLifetime, clock), log, TimeProvider.System);

        var result = await function.HandleAsync("""{"clickType":"SINGLE"}"""u8.ToArray(), Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);

        using var json = JsonDocument.Parse(result);
        Assert.Equal("on:1h", json.RootElement.GetProperty("action").GetString());
        Assert.Equal(3600, json.RootElement.GetProperty("countdownSeconds").GetInt32());
        Assert.True(gate.Calls >= 2, $"{gate.Calls} SSM call(s): the parameters were not paged");
    }

    private Function NewFunction() => new(new ParameterStoreSettings(client, path, CacheLifetime, clock), log, TimeProvider.System);

    private static async Task ClickAsync(Function function, InvocationContext context) =>
        await function.HandleAsync(Clicks.Command("on"), context, CancellationToken.None).WaitAsync(Hang);

    private static async Task<FunctionException> FailAsync(Function function, InvocationContext context) =>
        await Assert.ThrowsAsync<FunctionException>(() => function.HandleAsync(Clicks.Command("on"), context, CancellationToken.None)).WaitAsync(Hang);
}
