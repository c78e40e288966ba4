using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>
/// The Native AOT <c>bootstrap</c> with a click table, as the template deploys it: moto_server for SSM and DynamoDB (the
/// table created through the DynamoDB API), a <see cref="DynamoDbGate"/> in front of moto's DynamoDB that counts calls and
/// plays faults, the local Runtime API and one simulated plug.
/// </summary>
public sealed class DuplicateDeliveryFixture() : FunctionFixture(FunctionBuild.Aot)
{
    public const string Table = "ButtonToPlugClicks";

    public DynamoDbGate Gate { get; private set; } = null!;

    /// <summary>What Lambda gives the function, with the click table reached at <paramref name="dynamoUrl"/>.</summary>
    public Dictionary<string, string> EnvironmentFor(LocalRuntimeApi api, string dynamoUrl, string table)
    {
        var environment = EndToEndEnvironment.For(api, MotoUrl);
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoUrl.TrimEnd('/');
        environment["CLICK_TABLE"] = table;
        return environment;
    }

    /// <summary>host and port only, as this fixture has always seeded: no webhook token in SSM.</summary>
    public override Task SeedAsync(int port) => SeedPlugAsync(port);

    protected override async Task StartMorePeersAsync()
    {
        await Moto.CreateClickTableAsync(Table);
        Gate = await DynamoDbGate.StartAsync(Moto.Endpoint);
    }

    protected override async Task DisposeMorePeersAsync()
    {
        if (Gate is not null)
        {
            await Gate.DisposeAsync();
        }
    }

    protected override Dictionary<string, string> EnvironmentFor(LocalRuntimeApi api) => EnvironmentFor(api, Gate.Url, Table);
}
