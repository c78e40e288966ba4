using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>`buttontoplug discover`, aimed at one simulated device (unicast to its port) instead of the broadcast address.</summary>
public sealed class DiscoverCommandTests
{
    [Fact]
    public async Task Discover_SimulatedPlug_PrintsHostModelAliasAndState()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100=Hall");
        await plugs.SetStateAsync(0, on: true);
        var port = plugs.Devices[0].Port.ToString(CultureInfo.InvariantCulture);

        var result = await CliProcess.RunAsync("discover", "--address", "127.0.0.1", "--port", port, "--timeout", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"127.0.0.1:{port}  HS100(US)  'Hall'  on", result.Stdout.TrimEnd());
    }

    [Fact]
    public async Task Discover_Json_ListsTheStripWithItsOutletCount()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        var port = plugs.Devices[0].Port.ToString(CultureInfo.InvariantCulture);

        var result = await CliProcess.RunAsync("discover", "--address", "127.0.0.1", "--port", port, "--timeout", "5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var plug = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("HS300(US)", plug.GetProperty("model").GetString());
        Assert.Equal(6, plug.GetProperty("outlets").GetInt32());
    }

    [Fact]
    public async Task Discover_NobodyAnswers_SaysSoOnStderrAndExitsThree()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        var result = await CliProcess.RunAsync("discover", "--address", "127.0.0.1", "--port", port, "--timeout", "0.5");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal("buttontoplug: no plug answered within 0.5 s", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Discover_JsonAndNobodyAnswers_PrintsAnEmptyArrayAndExitsThree()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        var result = await CliProcess.RunAsync("discover", "--address", "127.0.0.1", "--port", port, "--timeout", "0.5", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("[]", result.Stdout.TrimEnd());
    }
}
