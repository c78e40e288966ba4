using ButtonToPlug.Logging;

namespace ButtonToPlug.Reporting;

/// <summary>
/// The one structured log line per invocation, in the envelope of every line (<see cref="LogWriter"/>).
/// <see cref="Outcome"/> is <c>ok</c>, <c>ignored</c> or <c>failed</c>; SecureString fields are masked when the line is built.
/// <see cref="ClickKey"/> is what a duplicate delivery is recognised by.
/// </summary>
internal sealed record ClickLogLine(
    string Timestamp,
    LogLevel Level,
    string Message,
    string RequestId,
    string? TraceId,
    string? Source,
    string? DeviceId,
    string? ClickKey,
    string? ClickType,
    string? Action,
    string? Host,
    int? Port,
    string? Outlet,
    string Outcome,
    string? ErrorType,
    string? Before,
    string? After,
    int? CountdownSeconds,
    long ElapsedMs,
    int? BatteryMv,
    bool? BatteryLow,
    IReadOnlyList<string>? Warnings,
    double? BatteryLevel) : ILogRecord;
