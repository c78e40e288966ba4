namespace ButtonToPlug.Logging;

/// <summary>A line of the log envelope: <see cref="LogWriter"/> drops it below the threshold, by this level.</summary>
internal interface ILogRecord
{
    LogLevel Level { get; }
}
