using System.Globalization;
using System.Text.Json;
using Amazon.SimpleSystemsManagement;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
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
        this.gate = await SsmGate.StartAsync(fixture.Server.Endpoint);
        this.plug = ScriptedPlug.Working();
        this.client = this.gate.NewClient(SsmClientFactory.NewConfig(new SsmConnector(TimeProvider.System)));
        await fixture.Server.PutAllAsync(this.path, new Dictionary<string, string>
        {
            [SettingNames.Host] = ScriptedPlug.Host,
            [SettingNames.Port] = this.plug.Port.ToString(CultureInfo.InvariantCulture),
            [SettingNames.Protocol] = "xor",
        });
    }

    public async Task DisposeAsync()
    {
        this.client.Dispose();
        await this.plug.DisposeAsync();
        await this.gate.DisposeAsync();
    }

    public void Dispose() => this.log.Dispose();

    [Theory]
    [InlineData(SsmFault.Throttling)]
    [InlineData(SsmFault.InternalError)]
    public async Task TransientFault_TwiceThenAnswered_IsRetriedByTheSdkAndTheClickSucceeds(SsmFault fault)
    {
        this.gate.NextFaults.Enqueue(fault);
        this.gate.NextFaults.Enqueue(fault);

        await ClickAsync(NewFunction(), Clicks.FarDeadline());

        Assert.Equal(3, this.gate.Calls);
        Assert.True(this.plug.RelayOn);
    }

    [Theory]
    [InlineData(SsmFault.Throttling, "ThrottlingException")]
    [InlineData(SsmFault.InternalError, "InternalServerError")]
    public async Task TransientFault_ThatLasts_WithoutACachedCopy_IsAConfigurationErrorAfterThreeAttempts(SsmFault fault, string code)
    {
        this.gate.Fault = fault;

        var error = await FailAsync(NewFunction(), Clicks.FarDeadline());

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("unavailable right now", error.Message, StringComparison.Ordinal);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, this.gate.Calls);
        Assert.Empty(this.plug.Requests);
    }

    [Theory]
    [InlineData(SsmFault.AccessDenied, "ssm:GetParametersByPath")]
    [InlineData(SsmFault.Validation, "PARAMETER_PATH")]
    public async Task PermanentFault_IsReportedAtOnceWithoutRetrying(SsmFault fault, string advice)
    {
        this.gate.Fault = fault;

        var error = await FailAsync(NewFunction(), Clicks.FarDeadline());

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.Empty(this.plug.Requests);
    }

    [Theory]
    [InlineData(SsmFault.Throttling)]
    [InlineData(SsmFault.InternalError)]
    [InlineData(SsmFault.Hang)]
    public async Task SsmUnavailable_WithAnExpiredCachedCopy_ServesTheClickFromTheCopyAndLogsIt(SsmFault fault)
    {
        var function = NewFunction();
        await ClickAsync(function, Clicks.FarDeadline());
        this.clock.Advance(CacheLifetime + TimeSpan.FromMinutes(10));
        this.gate.Fault = fault;

        await ClickAsync(function, Clicks.FarDeadline());

        Assert.Equal(2, this.plug.CountRequests("set_relay_state"));
        Assert.Contains("using the cached settings read 900 s ago", this.log.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"level\":\"WARN\"", this.log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SsmUnavailable_WithACopyPastTheStaleLimit_IsAConfigurationError()
    {
        var function = NewFunction();
        await ClickAsync(function, Clicks.FarDeadline());
        this.clock.Advance(CacheLifetime + ParameterStoreSettings.StaleLimit + TimeSpan.FromSeconds(1));
        this.gate.Fault = SsmFault.Throttling;

        var error = await FailAsync(function, Clicks.FarDeadline());

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Equal(1, this.plug.CountRequests("set_relay_state"));
    }

    [Fact]
    public async Task SlowSsm_WithoutACachedCopy_IsReportedBeforeTheDeadline()
    {
        this.gate.Fault = SsmFault.Hang;

        // The deadline runs on the manual clock, the SDK's 2 s attempt timeout on the real one: the clock reaches the
        // deadline less the reserve as soon as SSM has the call, and that alone must end the click.
        var context = Clicks.Within(TimeSpan.FromSeconds(3), this.clock);
        var function = new Function(new ParameterStoreSettings(this.client, this.path, CacheLifetime, this.clock), this.log, this.clock);
        var click = FailAsync(function, context);
        await this.gate.FirstCall.WaitAsync(Hang);
        this.clock.Advance(context.Deadline - InvocationDeadline.Reserve - this.clock.GetUtcNow());
        var error = await click;

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("did not answer before the invocation's deadline", error.Message, StringComparison.Ordinal);
        Assert.Empty(this.plug.Requests);
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
            [SettingNames.Port] = this.plug.Port.ToString(CultureInfo.InvariantCulture),
            [SettingNames.Single] = "on:1h",
        });
        var function = new Function(new ParameterStoreSettings(this.client, other, CacheLifetime, this.clock), this.log, TimeProvider.System);

        var result = await function.HandleAsync("""{"clickType":"SINGLE"}"""u8.ToArray(), Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);

        using var json = JsonDocument.Parse(result);
        Assert.Equal("on:1h", json.RootElement.GetProperty("action").GetString());
        Assert.Equal(3600, json.RootElement.GetProperty("countdownSeconds").GetInt32());
        Assert.True(this.gate.Calls >= 2, $"{this.gate.Calls} SSM call(s): the parameters were not paged");
    }

    private Function NewFunction() => new(new ParameterStoreSettings(this.client, this.path, CacheLifetime, this.clock), this.log, TimeProvider.System);

    private static async Task ClickAsync(Function function, InvocationContext context) =>
        await function.HandleAsync(Clicks.Command("on"), context, CancellationToken.None).WaitAsync(Hang);

    private static async Task<FunctionException> FailAsync(Function function, InvocationContext context) =>
        await Assert.ThrowsAsync<FunctionException>(() => function.HandleAsync(Clicks.Command("on"), context, CancellationToken.None)).WaitAsync(Hang);
}
