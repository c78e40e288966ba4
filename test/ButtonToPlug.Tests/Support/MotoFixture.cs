using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Support;

/// <summary>
/// One moto_server for every test that reads settings through SSM. The function's SSM client finds it the way a local run
/// does, through the SDK's own variables (AWS_ENDPOINT_URL_SSM, AWS_REGION, keys), which are process-wide: hence one
/// server for the collection, and one parameter path per test to keep tests apart.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? server;

    public MotoServer Server => this.server ?? throw new InvalidOperationException("moto_server is not started");

    /// <summary>A parameter path no other test uses.</summary>
    public static string NewPath() => $"/test{Guid.NewGuid():N}/ButtonToPlug";

    public async Task InitializeAsync()
    {
        this.server = await MotoServer.StartAsync();
        foreach (var (name, value) in this.server.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public async Task DisposeAsync()
    {
        if (this.server is not null)
        {
            await this.server.DisposeAsync();
        }
    }
}
