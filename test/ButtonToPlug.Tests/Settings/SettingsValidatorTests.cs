using ButtonToPlug.Events;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Tests.Settings;

public sealed class SettingsValidatorTests
{
    private static readonly ParameterStoreOrigin Ssm = new("/ButtonToPlug");

    private static RawSettings Raw(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value), new HashSet<string>());

    [Fact]
    public void Validate_OnlyHost_FillsTheDefaults()
    {
        var settings = SettingsValidator.Validate(Raw(("host", "home.example.net")), Ssm);

        Assert.Equal("home.example.net", settings.Host);
        Assert.Equal(9999, settings.Port);
        Assert.Null(settings.Outlet);
        Assert.Equal("toggle", settings.ActionFor(ClickType.Single).ToString());
        Assert.Equal("on", settings.ActionFor(ClickType.Double).ToString());
        Assert.Equal("off", settings.ActionFor(ClickType.Long).ToString());
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Timeout);
    }

    [Fact]
    public void Validate_EverySetting_IsUsed()
    {
        var settings = SettingsValidator.Validate(Raw(
            ("host", " 203.0.113.7 "), ("port", "10099"), ("outlet", "2"),
            ("single", "on:30m"), ("double", "OFF"), ("long", "toggle"), ("timeout", "1.5")), Ssm);

        Assert.Equal("203.0.113.7", settings.Host);
        Assert.Equal(10099, settings.Port);
        Assert.Equal(2, settings.Outlet!.Index);
        Assert.Equal("on:30m", settings.ActionFor(ClickType.Single).ToString());
        Assert.Equal("off", settings.ActionFor(ClickType.Double).ToString());
        Assert.Equal("toggle", settings.ActionFor(ClickType.Long).ToString());
        Assert.Equal(TimeSpan.FromSeconds(1.5), settings.Timeout);
    }

    [Theory]
    [InlineData("home.example.net")]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::1")]
    [InlineData("localhost")]
    public void Validate_HostNameOrAddress_IsAccepted(string host) =>
        Assert.Equal(host, SettingsValidator.Validate(Raw(("host", host)), Ssm).Host);

    [Theory]
    [InlineData(new[] { "port", "9999" }, "/ButtonToPlug/host is missing: create it with aws ssm put-parameter --name /ButtonToPlug/host --type String --value <router-public-name>")]
    [InlineData(new[] { "host", "http://home.example.net" }, "/ButtonToPlug/host 'http://home.example.net' is not a host name or IP address")]
    [InlineData(new[] { "host", "home.example.net:9999" }, "the port goes in /ButtonToPlug/port")]
    [InlineData(new[] { "host", " " }, "/ButtonToPlug/host ' ' is not a host name")]
    [InlineData(new[] { "host", "h", "port", "0" }, "/ButtonToPlug/port '0' is not a TCP port from 1 to 65535: fix it with aws ssm put-parameter --overwrite --name /ButtonToPlug/port --type String --value 9999")]
    [InlineData(new[] { "host", "h", "port", "65536" }, "/ButtonToPlug/port '65536' is not a TCP port")]
    [InlineData(new[] { "host", "h", "port", "ninety" }, "/ButtonToPlug/port 'ninety' is not a TCP port")]
    [InlineData(new[] { "host", "h", "outlet", "first" }, "/ButtonToPlug/outlet 'first' is not a 0-based outlet index or a full child id")]
    [InlineData(new[] { "host", "h", "single", "blink" }, "/ButtonToPlug/single: 'blink' is not an action")]
    [InlineData(new[] { "host", "h", "double", "on:100h" }, "/ButtonToPlug/double: 100h is outside 1s to 24h")]
    [InlineData(new[] { "host", "h", "long", "toggle:5m" }, "/ButtonToPlug/long: toggle takes no duration")]
    [InlineData(new[] { "host", "h", "timeout", "0" }, "/ButtonToPlug/timeout '0' is not seconds from 0.1 to 30")]
    [InlineData(new[] { "host", "h", "timeout", "31" }, "/ButtonToPlug/timeout '31' is not seconds")]
    [InlineData(new[] { "host", "h", "timeout", "3s" }, "/ButtonToPlug/timeout '3s' is not seconds")]
    public void Validate_MissingOrMalformed_IsConfigurationErrorNamingTheParameter(string[] pairs, string expected)
    {
        var raw = Raw([.. pairs.Chunk(2).Select(p => (p[0], p[1]))]);

        var failure = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(raw, Ssm));

        Assert.Equal(ErrorTypes.ConfigurationError, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NothingAtAll_SaysThePathIsEmpty()
    {
        var failure = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(Raw(), Ssm));

        Assert.StartsWith("no parameters found under /ButtonToPlug (PARAMETER_PATH)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported()
    {
        var failure = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(Raw(("port", "x"), ("timeout", "y")), Ssm));

        Assert.Contains("/ButtonToPlug/host is missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/ButtonToPlug/port", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/ButtonToPlug/timeout", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port", "hunter2-port")]
    [InlineData("single", "hunter2-action")]
    [InlineData("host", "http://hunter2.example")]
    public void Validate_MalformedSecureString_NeverQuotesTheValue(string key, string secret)
    {
        var values = new Dictionary<string, string> { ["host"] = "h", [key] = secret };
        var raw = new RawSettings(values, new HashSet<string> { key });

        var failure = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(raw, Ssm));

        Assert.Contains($"/ButtonToPlug/{key}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LocalFile_NamesTheKeyInTheFile()
    {
        var failure = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(Raw(("port", "9999")), new LocalFileOrigin("my.json")));

        Assert.Contains("\"host\" in my.json is missing: add \"host\": \"<router-public-name>\" in my.json", failure.Message, StringComparison.Ordinal);
    }
}
