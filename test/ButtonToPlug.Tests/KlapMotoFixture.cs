using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests;

/// <summary>One moto_server for all KLAP function tests (each test uses its own parameter path); starting one takes seconds.</summary>
public sealed class KlapMotoFixture : IAsyncLifetime
{
    public MotoServer Moto { get; private set; } = null!;

    public async Task InitializeAsync() => Moto = await MotoServer.StartAsync();

    public async Task DisposeAsync() => await Moto.DisposeAsync();
}
