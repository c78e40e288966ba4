namespace ButtonToPlug.Tests.Settings;

public sealed class FunctionOptionsTests
{
    private static FunctionOptions Read(string? path, string? cacheSeconds) =>
        FunctionOptions.Read(name => name switch
        {
            "PARAMETER_PATH" => path,
            "PARAMETER_CACHE_SECONDS" => cacheSeconds,
            _ => null,
        });

    [Theory]
    [InlineData(null, null, "/ButtonToPlug", 300)]
    [InlineData("", "", "/ButtonToPlug", 300)]
    [InlineData("/Home/Kitchen/", "0", "/Home/Kitchen", 0)]
    [InlineData("/ButtonToPlug", "60", "/ButtonToPlug", 60)]
    public void Read_Variables_GiveThePathAndCacheLifetime(string? path, string? cache, string expectedPath, int expectedSeconds)
    {
        var options = Read(path, cache);

        Assert.Equal(expectedPath, options.ParameterPath);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.CacheLifetime);
    }

    [Theory]
    [InlineData("ButtonToPlug", null, "PARAMETER_PATH")]
    [InlineData("/", null, "PARAMETER_PATH")]
    [InlineData("/a//b", null, "PARAMETER_PATH")]
    [InlineData(null, "-1", "PARAMETER_CACHE_SECONDS")]
    [InlineData(null, "5m", "PARAMETER_CACHE_SECONDS")]
    [InlineData(null, "100000", "PARAMETER_CACHE_SECONDS")]
    public void Read_MalformedVariable_IsConfigurationErrorNamingIt(string? path, string? cache, string variable)
    {
        var failure = Assert.Throws<FunctionException>(() => Read(path, cache));

        Assert.Equal(ErrorTypes.ConfigurationError, failure.ErrorType);
        Assert.StartsWith(variable, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData(" button-to-plug-ClickTable-1X2Y3Z ", "button-to-plug-ClickTable-1X2Y3Z")]
    public void Read_ClickTable_IsTheTrimmedNameOrNull(string? variable, string? expected)
    {
        var options = FunctionOptions.Read(name => name == "CLICK_TABLE" ? variable : null);

        Assert.Equal(expected, options.ClickTable);
    }
}
