using ButtonToPlug.Settings;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// Settings chosen per click by the calling flow (an <see cref="AsyncLocal{T}"/>), so one function instance can serve
/// parallel clicks aimed at different plugs, and a result that carries another click's plug would show.
/// </summary>
internal sealed class RoutedSettings : ISettingsSource
{
    private readonly AsyncLocal<PlugSettings?> route = new();

    public PlugSettings? Route
    {
        get => this.route.Value;
        set => this.route.Value = value;
    }

    public Task<SettingsRead> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new SettingsRead(this.route.Value ?? throw new InvalidOperationException("no route set for this click"), null));
}
