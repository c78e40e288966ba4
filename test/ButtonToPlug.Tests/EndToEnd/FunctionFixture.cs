using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// One published build serving invocations for a whole test class, as a warm Lambda sandbox does: the local Runtime
/// API, moto_server as SSM, and one simulated plug. The settings cache is off, so a test can change SSM between clicks.
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

    public async Task InitializeAsync()
    {
        // Publishing (when stale) is the slow part; do it before the peers start so none of them waits idle.
        await PublishedFunction.StartInfoAsync(Build);
        Moto = await MotoServer.StartAsync();
        Plugs = await SimulatedPlugs.StartAsync("hs100");
        Api = await LocalRuntimeApi.StartAsync();
        await SeedAsync(PlugPort);
        Process = await FunctionProcess.StartAsync(Build, EndToEndEnvironment.For(Api, Moto.Endpoint.ToString().TrimEnd('/')));
    }

    /// <summary>host and port of the simulated plug, the webhook token as a SecureString; click actions left to their defaults.</summary>
    public async Task SeedAsync(int port)
    {
        await Moto.PutAllAsync(EndToEndEnvironment.ParameterPath, new Dictionary<string, string>
        {
            ["host"] = SimulatedPlugs.Host,
            ["port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
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

        if (Plugs is not null)
        {
            await Plugs.DisposeAsync();
        }

        if (Moto is not null)
        {
            await Moto.DisposeAsync();
        }
    }
}
