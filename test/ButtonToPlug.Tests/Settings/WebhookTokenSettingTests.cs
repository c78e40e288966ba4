using ButtonToPlug.Events;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Tests.Settings;

public sealed class WebhookTokenSettingTests
{
    private const string Token = "Xk3v9Qm2Lp8Rt5Wz1Yc7Nb4Hd6Fg0Js2";

    private static readonly ParameterStoreOrigin Ssm = new("/ButtonToPlug");

    [Fact]
    public void Validate_WithoutWebhookToken_LeavesHttpsOff() =>
        Assert.Null(SettingsValidator.Validate(Raw(secure: true), Ssm).WebhookToken);

    [Fact]
    public void Validate_WebhookToken_AcceptsExactlyThatToken()
    {
        var token = SettingsValidator.Validate(Raw(secure: true, (SettingNames.WebhookToken, $" {Token} ")), Ssm).WebhookToken!;

        Assert.True(token.Accepts(new PresentedToken(Token)));
        Assert.False(token.Accepts(new PresentedToken(Token.ToLowerInvariant())));
        Assert.False(token.Accepts(new PresentedToken(Token[..^1])));
        Assert.False(token.Accepts(new PresentedToken(Token + Token)));
        Assert.False(token.Accepts(new PresentedToken("")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Validate_ShortWebhookToken_IsConfigurationErrorThatNeverShowsIt(bool secure)
    {
        var failure = Assert.Throws<FunctionException>(() =>
            SettingsValidator.Validate(Raw(secure, (SettingNames.WebhookToken, "short-token-1234")), Ssm));

        Assert.Equal(ErrorTypes.ConfigurationError, failure.ErrorType);
        Assert.Contains("/ButtonToPlug/webhook-token is shorter than 32 characters", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-token-1234", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WebhookTokenStoredAsPlainString_IsMaskedLikeASecureString()
    {
        var settings = SettingsValidator.Validate(Raw(secure: false, (SettingNames.WebhookToken, Token)), Ssm);

        Assert.Equal($"x {Redactor.Mask} y", settings.Secrets.Apply($"x {Token} y"));
        Assert.DoesNotContain(Token, settings.WebhookToken!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, settings.ToString(), StringComparison.Ordinal);
    }

    private static RawSettings Raw(bool secure, params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [SettingNames.Host] = "home.example.net" };
        foreach (var (key, value) in more)
        {
            values[key] = value;
        }

        return new RawSettings(values, secure ? new HashSet<string>(more.Select(m => m.Key)) : new HashSet<string>());
    }
}
