using ButtonToPlug.Logging;

namespace ButtonToPlug.Tests.Logging;

public sealed class LogThresholdTests
{
    [Theory]
    [InlineData(null, "Info")]
    [InlineData("", "Info")]
    [InlineData("TRACE", "Debug")]
    [InlineData("debug", "Debug")]
    [InlineData("INFO", "Info")]
    [InlineData(" Warn ", "Warn")]
    [InlineData("WARNING", "Warn")]
    [InlineData("ERROR", "Error")]
    [InlineData("FATAL", "Fatal")]
    [InlineData("CRITICAL", "Fatal")]
    public void Read_LambdaLevelName_IsThatThreshold(string? value, string expected)
    {
        Assert.Equal(Enum.Parse<LogLevel>(expected), LogThreshold.Read(name => name == LogThreshold.Variable ? value : null, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Read_UnknownValue_IsInfoWithAProblemNamingIt()
    {
        Assert.Equal(LogLevel.Info, LogThreshold.Read(_ => "loud", out var problem));
        Assert.Contains("AWS_LAMBDA_LOG_LEVEL 'loud' is not a log level", problem, StringComparison.Ordinal);
    }
}
