using System.Globalization;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// The Native AOT <c>bootstrap</c> with a click table, as the template deploys it: moto_server for SSM and DynamoDB (the
/// table created through the DynamoDB API), a <see cref="DynamoDbGate"/> in front of moto's DynamoDB that counts calls and
/// plays faults, the local Runtime API and one simulated plug.
/// </summary>
public sealed class DuplicateDeliveryFixture : IAsyncLifetime
{
    public const string Table = "ButtonToPlugClicks";

    public MotoServer Moto { get; private set; } = null!;

    public SimulatedPlugs Plugs { get; private set; } = null!;

    public DynamoDbGate Gate { get; private set; } = null!;

    public LocalRuntimeApi Api { get; private set; } = null!;

    public FunctionProcess Process { get; private set; } = null!;

    public int PlugPort => Plugs.Devices[0].Port;

    public string MotoUrl => Moto.Endpoint.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        await PublishedFunction.StartInfoAsync(FunctionBuild.Aot);
        Moto = await MotoServer.StartAsync();
        await Moto.CreateClickTableAsync(Table);
        Plugs = await SimulatedPlugs.StartAsync("hs100");
        Gate = await DynamoDbGate.StartAsync(Moto.Endpoint);
        Api = await LocalRuntimeApi.StartAsync();
        await SeedAsync(PlugPort);
        Process = await FunctionProcess.StartAsync(FunctionBuild.Aot, EnvironmentFor(Api, Gate.Url, Table));
    }

    /// <summary>What Lambda gives the function, with the click table reached at <paramref name="dynamoUrl"/>.</summary>
    public Dictionary<string, string> EnvironmentFor(LocalRuntimeApi api, string dynamoUrl, string table)
    {
        var environment = EndToEndEnvironment.For(api, MotoUrl);
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoUrl.TrimEnd('/');
        environment["CLICK_TABLE"] = table;
        return environment;
    }

    public Task SeedAsync(int port) => Moto.PutAllAsync(EndToEndEnvironment.ParameterPath, new Dictionary<string, string>
    {
        ["host"] = SimulatedPlugs.Host,
        ["port"] = port.ToString(CultureInfo.InvariantCulture),
    });

    public Task<InvocationOutcome> InvokeAsync(byte[] eventJson) =>
        Api.WaitForOutcomeAsync(Api.Enqueue(eventJson), FunctionFixture.Bound);

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

        if (Gate is not null)
        {
            await Gate.DisposeAsync();
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
