namespace ButtonToPlug.Reporting;

/// <summary>
/// The one structured log line per invocation. <see cref="Outcome"/> is <c>ok</c>, <c>ignored</c> or <c>failed</c>;
/// SecureString values are masked before a line is built.
/// </summary>
internal sealed record ClickLogLine(
    string Level,
    string Message,
    string RequestId,
    string? TraceId,
    string? Source,
    string? DeviceId,
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
    double? BatteryLevel);
