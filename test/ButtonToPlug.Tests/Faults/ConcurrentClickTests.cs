using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// 200 clicks at once through one function instance, against several simulated plugs (tplink-smarthome-simulator) and the
/// outlets of a strip: each result names its own plug and outlet, and the simulator ends with every relay as its clicks set it.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ConcurrentClickTests
{
    private const int ClickCount = 200;

    // A hang guard for 200 clicks on a loaded two-core machine, not a speed target.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TwoHundredParallelClicks_OnSeveralPlugsAndOutlets_EachEndsOnItsOwnTarget()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100", "hs105", "hs110", "hs300");
        var strip = plugs.Devices.Count - 1;
        var targets = Enumerable.Range(0, strip).Select(device => new Target(device, null))
            .Concat(plugs.Devices[strip].ChildIds.Select((_, index) => new Target(strip, index)))
            .ToList();

        // Every target starts in the state opposite to the one its clicks ask for.
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            await plugs.SetStateAsync(target.Device, on: !WantsOn(i), target.Outlet is { } outlet ? plugs.Devices[strip].ChildIds[outlet] : null);
        }

        var routed = new RoutedSettings();
        var function = new Function(routed, TextWriter.Null, TimeProvider.System);
        var clicks = Enumerable.Range(0, ClickCount).Select(i => Task.Run(async () =>
        {
            var index = i % targets.Count;
            var target = targets[index];
            routed.Route = Settings(plugs.Devices[target.Device].Port, target.Outlet);
            var result = await function.HandleAsync(Clicks.Command(WantsOn(index) ? "on" : "off"), Clicks.FarDeadline(), CancellationToken.None);
            return (index, result);
        })).ToList();

        var results = await Task.WhenAll(clicks).WaitAsync(Hang);

        foreach (var (index, result) in results)
        {
            using var json = JsonDocument.Parse(result);
            var target = targets[index];
            Assert.Equal(plugs.Devices[target.Device].Port, json.RootElement.GetProperty("port").GetInt32());
            Assert.Equal(target.Outlet?.ToString(CultureInfo.InvariantCulture), json.RootElement.GetProperty("outlet").GetString());
            Assert.Equal(WantsOn(index) ? "on" : "off", json.RootElement.GetProperty("after").GetString());
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var state = await plugs.ReadStateAsync(targets[i].Device);
            var isOn = targets[i].Outlet is { } outlet ? state.Children[outlet].IsOn : state.IsOn;
            Assert.True(WantsOn(i) == isOn, $"target {i} (device {targets[i].Device}, outlet {targets[i].Outlet}) ended {(isOn ? "on" : "off")}");
        }
    }

    private static bool WantsOn(int targetIndex) => targetIndex % 2 == 0;

    private static PlugSettings Settings(int port, int? outlet) => outlet is { } index
        ? StubSettings.For(port, "10", (SettingNames.Outlet, index.ToString(CultureInfo.InvariantCulture)), (SettingNames.Protocol, "xor"))
        : StubSettings.For(port, "10", (SettingNames.Protocol, "xor"));

    private sealed record Target(int Device, int? Outlet);
}
