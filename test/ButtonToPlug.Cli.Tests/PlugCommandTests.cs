using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>`buttontoplug plug …` end to end: the built program against a simulated plug, checking stdout and exit code.</summary>
public sealed class PlugCommandTests
{
    [Fact]
    public async Task Info_SimulatedPlug_PrintsModelAliasAndStateAndExitsZero()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs110=Küche");
        await plugs.SetStateAsync(0, on: true);

        var result = await CliProcess.RunAsync("plug", "info", "--host", SimulatedPlugs.Host, "--port", Port(plugs));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"127.0.0.1:{Port(plugs)}  HS110(US)  'Küche'  on", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(plugs.Devices[0].DeviceId, result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Info_Json_IsOneObjectWithHostPortAndDevice()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");

        var result = await CliProcess.RunAsync("plug", "info", "--host", SimulatedPlugs.Host, "--port", Port(plugs), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("127.0.0.1", json.RootElement.GetProperty("host").GetString());
        Assert.Equal(plugs.Devices[0].Port, json.RootElement.GetProperty("port").GetInt32());
        var device = json.RootElement.GetProperty("device");
        Assert.Equal("HS300(US)", device.GetProperty("model").GetString());
        Assert.Equal(plugs.Devices[0].ChildIds, device.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task On_PlugIsOff_TurnsItOnAndSaysSoWithoutReadingFirst()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs100");

        var result = await CliProcess.RunAsync("plug", "on", "--host", SimulatedPlugs.Host, "--port", Port(plugs));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"127.0.0.1:{Port(plugs)}: on: now on", result.Stdout.TrimEnd());
        Assert.True((await plugs.ReadStateAsync(0)).IsOn);
    }

    [Fact]
    public async Task Off_Json_ReportsAfterAndNoBeforeSinceNothingIsReadFirst()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs105");
        await plugs.SetStateAsync(0, on: true);

        var result = await CliProcess.RunAsync("plug", "off", "--host", SimulatedPlugs.Host, "--port", Port(plugs), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("off", json.RootElement.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("before").ValueKind);
        Assert.Equal("off", json.RootElement.GetProperty("after").GetString());
        Assert.False((await plugs.ReadStateAsync(0)).IsOn);
    }

    [Fact]
    public async Task Toggle_Twice_FlipsThePlugAndBack()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs200");

        var first = await CliProcess.RunAsync("plug", "toggle", "--host", SimulatedPlugs.Host, "--port", Port(plugs));
        var afterFirst = (await plugs.ReadStateAsync(0)).IsOn;
        var second = await CliProcess.RunAsync("plug", "toggle", "--host", SimulatedPlugs.Host, "--port", Port(plugs));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.EndsWith("toggle: off -> on", first.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("toggle: on -> off", second.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.True(afterFirst);
        Assert.False((await plugs.ReadStateAsync(0)).IsOn);
    }

    [Fact]
    public async Task On_StripOutletByIndex_Json_NamesTheChildAndSwitchesOnlyIt()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");
        var id = plugs.Devices[0].ChildIds[1];

        var result = await CliProcess.RunAsync("plug", "on", "--host", SimulatedPlugs.Host, "--port", Port(plugs), "--outlet", "1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("1", json.RootElement.GetProperty("outlet").GetString());
        Assert.Equal(id, json.RootElement.GetProperty("childId").GetString());
        Assert.Equal([id], (await plugs.ReadStateAsync(0)).Children.Where(c => c.IsOn).Select(c => c.Id));
    }

    [Fact]
    public async Task On_OutletTheStripDoesNotHave_ExitsTwoListingOutletsAndSwitchesNothing()
    {
        await using var plugs = await SimulatedPlugs.StartAsync("hs300");

        var result = await CliProcess.RunAsync("plug", "on", "--host", SimulatedPlugs.Host, "--port", Port(plugs), "--outlet", "6");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("has no outlet 6", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("5 'Mock Six'", result.Stderr, StringComparison.Ordinal);
        Assert.All((await plugs.ReadStateAsync(0)).Children, c => Assert.False(c.IsOn));
    }

    [Fact]
    public async Task Info_NothingListening_ExitsThreeWithOneLineNamingHostAndPort()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        var result = await CliProcess.RunAsync("plug", "info", "--host", "127.0.0.1", "--port", port, "--timeout", "2");

        Assert.Equal(3, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"buttontoplug: unreachable: 127.0.0.1:{port}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_PlugRefusesWithErrCode_ExitsFour()
    {
        await using var plug = CannedPlug.AnsweringJson("""{"system":{"get_sysinfo":{"err_code":-3,"err_msg":"invalid argument"}}}""");

        var result = await CliProcess.RunAsync("plug", "info", "--host", "127.0.0.1", "--port", plug.Port.ToString(CultureInfo.InvariantCulture), "--protocol", "xor");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("err_code -3 (invalid argument)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_PeerAnswersGarbage_ExitsFive()
    {
        await using var plug = CannedPlug.AnsweringBytes([0, 0, 0, 4, 1, 2, 3, 4]);

        var result = await CliProcess.RunAsync("plug", "info", "--host", "127.0.0.1", "--port", plug.Port.ToString(CultureInfo.InvariantCulture), "--protocol", "xor");

        Assert.Equal(5, result.ExitCode);
        Assert.StartsWith("buttontoplug: protocol error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plug", "on")]
    [InlineData("plug", "on", "--host", "h", "--port", "0")]
    [InlineData("plug", "on", "--host", "h", "--outlet", "kitchen")]
    [InlineData("plug", "on", "--host", "h", "--timeout", "-1")]
    [InlineData("plug", "dance", "--host", "h")]
    [InlineData("plug")]
    public async Task BadCommandLine_ExitsTwoWithOneLine(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Port(SimulatedPlugs plugs) => plugs.Devices[0].Port.ToString(CultureInfo.InvariantCulture);
}
