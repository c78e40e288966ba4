using System.Globalization;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// One published build serving invocations for a whole test class, as a warm Lambda sandbox does: the local Runtime
/// API, moto_server as SSM, and one simulated plug. The settings cache is off, so a test can change SSM between clicks.
/// A fixture that needs one more peer (<see cref="DuplicateDeliveryFixture"/>) adds it through the protected hooks, so the
/// start order, the seeding and the tear-down stay one piece.
/// </summary>
public abstract class FunctionFixture(FunctionBuild build) : IAsyncLifetime
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public FunctionBuild Build { get; } = build;

    public MotoServer Moto { get; private set; } = null!;

    public SimulatedPlugs Plugs { get; private set; } = null!;

    public LocalRuntimeApi Api { get; private set; } = null!;

    public FunctionProcess Process { get; private set; } = null!;

    public int PlugPort => Plugs.Devices[0].Port;

    /// <summary>moto_server as the SDK's endpoint variables want it, without the trailing slash.</summary>
    public string MotoUrl => Moto.Endpoint.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        // Publishing (when stale) is the slow part; do it before the peers start so none of them waits idle.
        await PublishedFunction.StartInfoAsync(Build);
        Moto = await MotoServer.StartAsync();
        Plugs = await SimulatedPlugs.StartAsync("hs100");
        await StartMorePeersAsync();
        Api = await LocalRuntimeApi.StartAsync();
        await SeedAsync(PlugPort);
        Process = await FunctionProcess.StartAsync(Build, EnvironmentFor(Api));
    }

    /// <summary>host and port of the simulated plug, the webhook token as a SecureString; click actions left to their defaults.</summary>
    public virtual async Task SeedAsync(int port)
    {
        await SeedPlugAsync(port);
        await Moto.PutSecureAsync($"{EndToEndEnvironment.ParameterPath}/webhook-token", EndToEndEnvironment.WebhookToken);
    }

    public Task<InvocationOutcome> InvokeAsync(byte[] eventJson, string? traceId = null, string? clientContext = null) =>
        Api.WaitForOutcomeAsync(Api.Enqueue(eventJson, traceId, clientContext: clientContext), Bound);

    public async Task DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        await DisposeMorePeersAsync();
        if (Plugs is not null)
        {
            await Plugs.DisposeAsync();
        }

        if (Moto is not null)
        {
            await Moto.DisposeAsync();
        }
    }

    /// <summary>Starts what a subclass adds, once moto_server and the plug run and before the function can call it.</summary>
    protected virtual Task StartMorePeersAsync() => Task.CompletedTask;

    /// <summary>Ends what <see cref="StartMorePeersAsync"/> started, after the function and before moto_server stop.</summary>
    protected virtual Task DisposeMorePeersAsync() => Task.CompletedTask;

    /// <summary>What Lambda gives the fixture's function.</summary>
    protected virtual Dictionary<string, string> EnvironmentFor(LocalRuntimeApi api) => EndToEndEnvironment.For(api, MotoUrl);

    /// <summary>host and port of the simulated plug and nothing else.</summary>
    protected Task SeedPlugAsync(int port) => Moto.PutAllAsync(EndToEndEnvironment.ParameterPath, new Dictionary<string, string>
    {
        ["host"] = SimulatedPlugs.Host,
        ["port"] = port.ToString(CultureInfo.InvariantCulture),
    });
}
