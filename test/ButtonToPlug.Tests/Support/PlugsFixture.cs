using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Support;

/// <summary>Simulated devices for the end-to-end tests of a class: two single plugs and a six-outlet strip.</summary>
public sealed class PlugsFixture : IAsyncLifetime
{
    public const int Plug = 0;
    public const int SecondPlug = 1;
    public const int Strip = 2;

    private SimulatedPlugs? plugs;

    public SimulatedPlugs Plugs => this.plugs ?? throw new InvalidOperationException("the simulator is not started");

    public async Task InitializeAsync()
    {
        // serve.js itself starts a fresh device when the simulator's shared UDP/TCP port is taken.
        this.plugs = await SimulatedPlugs.StartAsync("hs100", "hs105", "hs300");
    }

    public async Task DisposeAsync()
    {
        if (this.plugs is not null)
        {
            await this.plugs.DisposeAsync();
        }
    }
}
