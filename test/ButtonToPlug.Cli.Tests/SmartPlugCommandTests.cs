using System.Globalization;
using System.Text.Json;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>
/// `buttontoplug plug` against SMART (Tapo) devices behind the KLAP emulator, unbound (Tapo default credentials): the same
/// commands, outputs and exit codes as for IOT plugs, names shown decoded.
/// </summary>
public sealed class SmartPlugCommandTests
{
    [Fact]
    public async Task Info_SmartStrip_ShowsTheDecodedNamesAndEveryOutletByPosition()
    {
        var strip = SmartEmulatedDevice.Strip();
        strip.Outlets[0].Nickname = SmartEmulatedDevice.Base64("Stehlampe ☕");
        strip.ListOrder = [1, 2, 0];
        await using var device = await StartAsync(strip);

        var result = await CliProcess.RunAsync("plug", "info", "--host", device.Host, "--port", Port(device), "--protocol", "klap");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("P300  'Tapo Lampe'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"outlet 0  off  'Stehlampe ☕'  id {strip.Outlets[0].DeviceId}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"outlet 2  off  'Outlet 3'  id {strip.Outlets[2].DeviceId}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_NicknameThatIsNotBase64_ShowsItAsItCameAndSucceeds()
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.Nickname = "%%%";
        await using var device = await StartAsync(plug);

        var result = await CliProcess.RunAsync("plug", "info", "--host", device.Host, "--port", Port(device), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("%%%", json.RootElement.GetProperty("device").GetProperty("alias").GetString());
    }

    [Theory]
    [InlineData("on", false, true, "on: now on")]
    [InlineData("toggle", true, false, "toggle: on -> off")]
    public async Task Switch_SmartStripOutlet_SwitchesOnlyThatOutlet(string command, bool before, bool after, string said)
    {
        var strip = SmartEmulatedDevice.Strip();
        strip.Outlets[2].On = before;
        await using var device = await StartAsync(strip);

        var result = await CliProcess.RunAsync("plug", command, "--host", device.Host, "--port", Port(device), "--outlet", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(said, result.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal([false, false, after], strip.Outlets.Select(o => o.On));
    }

    [Fact]
    public async Task On_SmartPlugAnsweringBadParams_ExitsWithTheDeviceErrorCode()
    {
        var plug = SmartEmulatedDevice.Plug();
        plug.AnswerEveryRequestWith = -1008;
        await using var device = await StartAsync(plug);

        var result = await CliProcess.RunAsync("plug", "on", "--host", device.Host, "--port", Port(device));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("error_code -1008 (bad params)", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    // Unbound Tapo devices accept TP-Link's Tapo default pair, which the CLI tries without --username.
    private static Task<KlapDeviceEmulator> StartAsync(SmartEmulatedDevice device) =>
        KlapDeviceEmulator.StartAsync(new KlapDeviceOptions { Username = "test@tp-link.net", Password = "test", Version = 2 }, device, CancellationToken.None);

    private static string Port(KlapDeviceEmulator device) => device.Port.ToString(CultureInfo.InvariantCulture);
}
