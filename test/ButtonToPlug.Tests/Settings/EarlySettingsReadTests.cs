using Amazon.SimpleSystemsManagement;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Settings;

/// <summary>
/// The settings read started in the Init phase (<see cref="ParameterStoreSettings.StartReading"/>), counted at
/// <see cref="SsmGate"/> in front of moto_server: it serves the first click, and a failed one is read again by the click.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class EarlySettingsReadTests(MotoFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly string path = MotoFixture.NewPath();
    private SsmGate gate = null!;
    private AmazonSimpleSystemsManagementClient client = null!;

    public async Task InitializeAsync()
    {
        this.gate = await SsmGate.StartAsync(fixture.Server.Endpoint);
        this.client = this.gate.NewClient(SsmClientFactory.NewConfig(new SsmConnector(TimeProvider.System)));
        await fixture.Server.PutAsync($"{this.path}/host", "home.example.net");
    }

    public async Task DisposeAsync() => await this.gate.DisposeAsync();

    public void Dispose() => this.client.Dispose();

    [Fact]
    public async Task StartReading_ThenTheFirstClick_IsServedByTheEarlyRead()
    {
        var source = Source(TimeSpan.FromMinutes(5));

        await Assert.IsAssignableFrom<Task>(source.StartReading());
        var callsBeforeTheClick = this.gate.Calls;
        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
        Assert.Equal((1, 1), (callsBeforeTheClick, this.gate.Calls));
    }

    [Fact]
    public async Task StartReading_WhenTheEarlyReadIsRefused_TheClickReadsAgain()
    {
        var source = Source(TimeSpan.FromMinutes(5));
        this.gate.NextFaults.Enqueue(SsmFault.AccessDenied);

        await Assert.IsAssignableFrom<Task>(source.StartReading());
        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
        Assert.Equal(2, this.gate.Calls);
    }

    [Fact]
    public void StartReading_WithTheCacheOff_StartsNothing()
    {
        Assert.Null(Source(TimeSpan.Zero).StartReading());
        Assert.Equal(0, this.gate.Calls);
    }

    private ParameterStoreSettings Source(TimeSpan cacheLifetime) => new(this.client, this.path, cacheLifetime, new FakeTimeProvider());
}
