namespace ButtonToPlug.Logging;

/// <summary>
/// <c>AWS_LAMBDA_LOG_LEVEL</c> read as Powertools for .NET reads it: Lambda's names in any letter case, TRACE counted as
/// DEBUG (no line is finer), and anything else as the default INFO, with a warning saying so.
/// <c>AWS_LAMBDA_LOG_FORMAT</c> needs no reading: every line is JSON, which CloudWatch parses in the Text format too.
/// </summary>
internal static class LogThreshold
{
    public const string Variable = "AWS_LAMBDA_LOG_LEVEL";

    public const LogLevel Default = LogLevel.Info;

    /// <param name="problem">Set when the value is not a level: what was wrong, for a WARN line at start-up.</param>
    public static LogLevel Read(Func<string, string?> variable, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(variable);
        problem = null;
        var text = variable(Variable)?.Trim();
        switch (text?.ToUpperInvariant())
        {
            case null or "":
                return Default;
            case "TRACE" or "DEBUG":
                return LogLevel.Debug;
            case "INFO":
                return LogLevel.Info;
            case "WARN" or "WARNING":
                return LogLevel.Warn;
            case "ERROR":
                return LogLevel.Error;
            case "FATAL" or "CRITICAL":
                return LogLevel.Fatal;
            default:
                problem = $"{Variable} {Quote.Of(text)} is not a log level (TRACE, DEBUG, INFO, WARN, ERROR, FATAL); INFO is used";
                return Default;
        }
    }
}
