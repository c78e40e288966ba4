using ButtonToPlug.Actions;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Plug;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Tests.Faults;

/// <summary>What a second attempt is budgeted at, and that no retry starts without that much time left.</summary>
public sealed class RetryBudgetTests
{
    private static readonly KasaEndpoint Endpoint = new("plug.example", 9999);

    [Theory]
    [InlineData(ProtocolSetting.Xor, "on", null, 1)]
    [InlineData(ProtocolSetting.Xor, "toggle", null, 2)]
    [InlineData(ProtocolSetting.Xor, "on", "1", 2)]
    [InlineData(ProtocolSetting.Xor, "off:30m", null, 1)]
    [InlineData(ProtocolSetting.Klap, "on", null, 3)]
    [InlineData(ProtocolSetting.Klap, "toggle", null, 4)]
    [InlineData(ProtocolSetting.Aes, "toggle", "1", 5)]
    [InlineData(ProtocolSetting.Auto, "toggle", null, 4)]
    public void AttemptCost_CountsEveryExchangeWithItsOwnTimeout(ProtocolSetting protocol, string action, string? outlet, int exchanges)
    {
        var cost = PlugRetryRule.AttemptCost(Settings(protocol, outlet), Action(action));

        Assert.Equal(PlugRetryRule.Pause + TimeSpan.FromSeconds(3 * exchanges), cost);
    }

    [Theory]
    [InlineData(6.0, false)]
    [InlineData(6.1, true)]
    public void MayRetry_OnlyWhenTheWholeAttemptFits(double remainingSeconds, bool expected)
    {
        var notSent = new KasaUnreachableException(Endpoint, "connection refused", requestSent: false);
        var cost = PlugRetryRule.AttemptCost(Settings(ProtocolSetting.Xor, null), ClickAction.Toggle);

        var retry = PlugRetryRule.MayRetry(notSent, ClickAction.Toggle, attempt: 1, TimeSpan.FromSeconds(remainingSeconds), cost);

        Assert.Equal(expected, retry);
    }

    private static ClickAction Action(string text) =>
        ClickAction.TryParse(text, out var action, out var problem) ? action : throw new ArgumentException(problem, nameof(text));

    private static PlugSettings Settings(ProtocolSetting protocol, string? outlet) =>
        new("plug.example", 9999, outlet is null ? null : PlugOutlet.Parse(outlet), ClickAction.Toggle, ClickAction.Toggle, ClickAction.Toggle,
            TimeSpan.FromSeconds(3), new Redactor([]))
        {
            Protocol = protocol,
        };
}
