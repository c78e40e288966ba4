using ButtonToPlug.Actions;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Plug;

namespace ButtonToPlug.Tests.Faults;

/// <summary>What a second attempt is budgeted at, and that no retry starts without that much time left.</summary>
public sealed class RetryBudgetTests
{
    private static readonly KasaEndpoint Endpoint = new("plug.example", 9999);

    [Theory]
    [InlineData(ProtocolSetting.Xor, 2)]
    [InlineData(ProtocolSetting.Klap, 4)]
    [InlineData(ProtocolSetting.Auto, 5)]
    public void AttemptCost_CountsEveryExchangeWithItsOwnTimeout(ProtocolSetting protocol, int exchanges)
    {
        var cost = PlugRetryRule.AttemptCost(protocol, TimeSpan.FromSeconds(3));

        Assert.Equal(PlugRetryRule.Pause + TimeSpan.FromSeconds(3 * exchanges), cost);
    }

    [Theory]
    [InlineData(6.0, false)]
    [InlineData(6.1, true)]
    public void MayRetry_OnlyWhenTheWholeAttemptFits(double remainingSeconds, bool expected)
    {
        var notSent = new KasaUnreachableException(Endpoint, "connection refused", requestSent: false);
        var cost = PlugRetryRule.AttemptCost(ProtocolSetting.Xor, TimeSpan.FromSeconds(3));

        var retry = PlugRetryRule.MayRetry(notSent, ClickAction.Toggle, attempt: 1, TimeSpan.FromSeconds(remainingSeconds), cost);

        Assert.Equal(expected, retry);
    }
}
