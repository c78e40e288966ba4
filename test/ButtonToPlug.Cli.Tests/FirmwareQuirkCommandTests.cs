using System.Globalization;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Cli.Tests;

/// <summary>
/// `buttontoplug plug …` as a child process against plugs that behave like real firmware (issue 11): the KLAP emulator's quirks
/// and an XOR plug that closes soon after every answer. Each checks the exit code, the relay, and the switching requests the
/// plug carried out. Every CLI run is a new process, so nothing a plug showed earlier is remembered between runs.
/// </summary>
public sealed class FirmwareQuirkCommandTests
{
    [Fact]
    public async Task Toggle_WhenReplySignaturesAreRandom_SwitchesOnceAndWarnsOnStderr()
    {
        await using var device = await StartAsync(new KlapDeviceQuirks { RandomReplySignature = true });

        var (exit, _, error) = await KlapAsync(device, "toggle");

        Assert.True(exit == 0, error);
        Assert.Contains("warning", error, StringComparison.Ordinal);
        Assert.Contains("reply signature does not match", error, StringComparison.Ordinal);
        Assert.True(device.Plug.RelayOn);
        Assert.Equal(1, device.SwitchesCarriedOut);
    }

    [Theory]
    [InlineData("klap")]
    [InlineData("auto")]
    public async Task On_WhenHandshake1IsForbidden_ExitsWithTheAuthenticationCodeAndTheThirdPartyAdvice(string protocol)
    {
        await using var device = await StartAsync(new KlapDeviceQuirks { RefuseHandshake = true });

        var (exit, _, error) = await CliProcess.RunAsync("plug", "on", "--host", device.Host, "--port", Port(device), "--protocol", protocol);

        Assert.Equal(6, exit);
        Assert.Contains("access refused", error, StringComparison.Ordinal);
        Assert.Contains("Third-Party Compatibility", error, StringComparison.Ordinal);
        Assert.Empty(device.Plug.Executed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Toggle_WhenTheSessionIsForbiddenAfterSomeRequests_SwitchesOnce(int requestsPerSession)
    {
        await using var device = await StartAsync(new KlapDeviceQuirks { RequestsPerSession = requestsPerSession });

        var first = await KlapAsync(device, "toggle");
        var second = await KlapAsync(device, "toggle");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.False(device.Plug.RelayOn);
        Assert.Equal(2, device.SwitchesCarriedOut);
    }

    /// <remarks>
    /// Two requests per session: a fresh CLI process does not know the dialect, so its first request is the SMART read that
    /// the IOT plug refuses, the second the IOT read, and the toggle's switch is the one that meets the undecryptable answer.
    /// </remarks>
    [Fact]
    public async Task Toggle_WhenTheSecondRequestOfASessionDoesNotDecrypt_ExitsWithTheProtocolCodeWithoutSwitching()
    {
        await using var device = await StartAsync(new KlapDeviceQuirks { RequestsPerSession = 2, BeyondLimit = KlapSessionRefusal.Undecryptable });

        var (exit, _, error) = await KlapAsync(device, "toggle");

        Assert.Equal(5, exit);
        Assert.Contains("one request per session", error, StringComparison.Ordinal);
        Assert.Equal(0, device.SwitchesCarriedOut);
    }

    [Fact]
    public async Task Toggle_WhenRequestsAreAnsweredWithAnHtmlPage_ExitsWithTheProtocolCode()
    {
        await using var device = await StartAsync(new KlapDeviceQuirks { HtmlInsteadOfCiphertext = true });

        var (exit, _, error) = await KlapAsync(device, "toggle");

        Assert.Equal(5, exit);
        Assert.Contains("HTML page", error, StringComparison.Ordinal);
        Assert.Equal(0, device.SwitchesCarriedOut);
    }

    [Fact]
    public async Task Toggles_OnAKlapPlugThatDropsTheConnectionAfterEveryAnswer_AllSwitchOnce()
    {
        await using var device = await StartAsync(new KlapDeviceQuirks { CloseAfterEveryAnswer = true });

        for (var i = 0; i < 3; i++)
        {
            var (exit, _, error) = await KlapAsync(device, "toggle");
            Assert.True(exit == 0, error);
        }

        Assert.True(device.Plug.RelayOn);
        Assert.Equal(3, device.SwitchesCarriedOut);
    }

    [Fact]
    public async Task Toggles_OnAnXorPlugThatClosesSoonAfterEveryAnswer_AllSwitchOnce()
    {
        await using var plug = ScriptedPlug.Start(ScriptedPlug.AnswerOnceThenCloseSoonAsync);

        for (var i = 0; i < 3; i++)
        {
            var (exit, _, error) = await CliProcess.RunAsync(
                "plug", "toggle", "--host", ScriptedPlug.Host, "--port", plug.Port.ToString(CultureInfo.InvariantCulture), "--protocol", "xor");
            Assert.True(exit == 0, error);
        }

        Assert.True(plug.RelayOn);
        Assert.Equal(3, plug.CountRequests("set_relay_state"));
    }

    private static async Task<KlapDeviceEmulator> StartAsync(KlapDeviceQuirks quirks)
    {
        var device = await KlapDeviceEmulator.StartAsync(new KlapDeviceOptions(), CancellationToken.None);
        device.Quirks = quirks;
        return device;
    }

    private static Task<CliResult> KlapAsync(KlapDeviceEmulator device, string command) =>
        CliProcess.RunAsync("plug", command, "--host", device.Host, "--port", Port(device), "--protocol", "klap");

    private static string Port(KlapDeviceEmulator device) => device.Port.ToString(CultureInfo.InvariantCulture);
}
