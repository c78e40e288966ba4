using System.Text.Json.Serialization;

namespace ButtonToPlug.Logging;

/// <summary>
/// The levels a log line carries, in the words Lambda's JSON log format filters on (<c>AWS_LAMBDA_LOG_LEVEL</c>).
/// Ordered: a threshold keeps its own level and every one after it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogLevel>))]
internal enum LogLevel
{
    [JsonStringEnumMemberName("DEBUG")]
    Debug,

    [JsonStringEnumMemberName("INFO")]
    Info,

    [JsonStringEnumMemberName("WARN")]
    Warn,

    [JsonStringEnumMemberName("ERROR")]
    Error,

    [JsonStringEnumMemberName("FATAL")]
    Fatal,
}
