using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Tests.Settings;

/// <summary>The KLAP settings: protocol, and the TP-Link account as username + password.</summary>
public sealed class KlapSettingsValidatorTests
{
    private static readonly ParameterStoreOrigin Ssm = new("/ButtonToPlug");

    private static RawSettings Raw(string[] secure, params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value), new HashSet<string>(secure));

    [Theory]
    [InlineData(null, null, ProtocolSetting.Auto, 9999)]
    [InlineData("auto", null, ProtocolSetting.Auto, 9999)]
    [InlineData("xor", null, ProtocolSetting.Xor, 9999)]
    [InlineData("klap", null, ProtocolSetting.Klap, 80)]
    [InlineData(" KLAP ", "8080", ProtocolSetting.Klap, 8080)]
    [InlineData("aes", null, ProtocolSetting.Aes, 80)]
    [InlineData("AES", "10080", ProtocolSetting.Aes, 10080)]
    [InlineData("auto", "80", ProtocolSetting.Auto, 80)]
    public void Validate_Protocol_PicksTheTransportAndItsDefaultPort(string? protocol, string? port, ProtocolSetting expected, int expectedPort)
    {
        var values = new List<(string, string)> { ("host", "home.example.net") };
        if (protocol is not null)
        {
            values.Add(("protocol", protocol));
        }

        if (port is not null)
        {
            values.Add(("port", port));
        }

        var settings = SettingsValidator.Validate(Raw([], [.. values]), Ssm);

        Assert.Equal(expected, settings.Protocol);
        Assert.Equal(expectedPort, settings.Port);
        Assert.Null(settings.Credentials);
    }

    [Fact]
    public void Validate_UnknownProtocol_SaysWhatIsAllowedAndHowToFixIt()
    {
        var error = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(Raw([], ("host", "h"), ("protocol", "tapo")), Ssm));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains($"/ButtonToPlug/protocol 'tapo' is not {ProtocolSettingText.Choices}", error.Message, StringComparison.Ordinal);
        Assert.Contains("put-parameter --overwrite --name /ButtonToPlug/protocol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UsernameAndSecurePassword_GiveTheAccountWithTheEmailTrimmedAndThePasswordAsIs()
    {
        var settings = SettingsValidator.Validate(
            Raw(["password"], ("host", "h"), ("protocol", "klap"), ("username", " me@example.com "), ("password", " pass word ")), Ssm);

        Assert.Equal(new KasaCredentials("me@example.com", " pass word "), settings.Credentials);
        Assert.Equal($"x {Redactor.Mask} y", settings.Secrets.Apply("x  pass word  y"));
    }

    [Fact]
    public void Validate_PasswordStoredAsPlainString_IsStillMasked()
    {
        var settings = SettingsValidator.Validate(Raw([], ("host", "h"), ("username", "me@example.com"), ("password", "hunter22")), Ssm);

        Assert.Equal("hunter22", settings.Credentials!.Password);
        Assert.Equal($"the password is {Redactor.Mask}", settings.Secrets.Apply("the password is Hunter22"));
    }

    [Theory]
    [InlineData("username", "/ButtonToPlug/username is set but /ButtonToPlug/password is not")]
    [InlineData("password", "/ButtonToPlug/password is set but /ButtonToPlug/username is not")]
    public void Validate_HalfTheAccount_IsAConfigurationErrorNamingBothParameters(string given, string expected)
    {
        var error = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(Raw(["password"], ("host", "h"), (given, "value-1")), Ssm));

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("value-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KlapFailure_ForAnAuthenticationError_TellsWhichParametersToSet()
    {
        var settings = SettingsValidator.Validate(Raw([], ("host", "h"), ("protocol", "klap")), Ssm);

        var error = Plug.KasaFailure.ToFunctionException(new KasaAuthenticationException(new KasaEndpoint("h", 80), "the plug accepted none of …"), settings);

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains("username parameter and the password parameter (as a SecureString)", error.Message, StringComparison.Ordinal);
    }
}
