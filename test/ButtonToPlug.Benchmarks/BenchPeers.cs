using System.Globalization;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// Everything a click talks to, on loopback: the local Runtime API, moto_server answering SSM with the settings seeded
/// through the SSM API, and one simulated HS100 plug.
/// </summary>
internal sealed class BenchPeers : IAsyncDisposable
{
    public const string ParameterPath = "/ButtonToPlug/bench";

    private BenchPeers(MotoServer ssm, SimulatedPlugs plugs, BenchRuntimeApi runtimeApi)
    {
        Ssm = ssm;
        Plugs = plugs;
        RuntimeApi = runtimeApi;
    }

    public MotoServer Ssm { get; }

    public SimulatedPlugs Plugs { get; }

    public BenchRuntimeApi RuntimeApi { get; }

    public int PlugPort => Plugs.Devices[0].Port;

    /// <summary>The function's whole environment, as Lambda would set it (plus the local SSM endpoint).</summary>
    public IReadOnlyDictionary<string, string> FunctionEnvironment
    {
        get
        {
            var environment = new Dictionary<string, string>(Ssm.Environment)
            {
                ["AWS_LAMBDA_RUNTIME_API"] = RuntimeApi.Address,
                ["PARAMETER_PATH"] = ParameterPath,
                ["AWS_LAMBDA_FUNCTION_NAME"] = "ButtonToPlug",
                ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128",
            };
            return environment;
        }
    }

    public static async Task<BenchPeers> StartAsync()
    {
        var ssm = await MotoServer.StartAsync();
        var plugs = await SimulatedPlugs.StartAsync("hs100");
        var runtimeApi = await BenchRuntimeApi.StartAsync();
        var peers = new BenchPeers(ssm, plugs, runtimeApi);
        await ssm.PutAllAsync(ParameterPath, new Dictionary<string, string>
        {
            ["host"] = SimulatedPlugs.Host,
            ["port"] = peers.PlugPort.ToString(CultureInfo.InvariantCulture),
            ["single"] = "toggle",
            ["double"] = "on",
            ["long"] = "off",
            ["timeout"] = "3",
        });
        return peers;
    }

    public async ValueTask DisposeAsync()
    {
        await RuntimeApi.DisposeAsync();
        await Plugs.DisposeAsync();
        await Ssm.DisposeAsync();
    }
}
