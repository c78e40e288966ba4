using ButtonToPlug.Events;
using ButtonToPlug.Kasa;
using ButtonToPlug.Logging;

namespace ButtonToPlug.Reporting;

/// <summary>
/// Builds the result and writes, per invocation, one JSON log line and (for a click) one EMF metrics line, through the
/// process's <see cref="LogWriter"/>; a defect adds one line with its stack trace before them.
/// </summary>
internal sealed class ClickReporter(LogWriter log)
{
    private const string Namespace = "ButtonToPlug";

    /// <summary>
    /// Builds the source-generated serializer metadata of the click line, the metrics line and the result now. .NET builds
    /// it on first use, and a cold function's first use comes after the plug has answered, while the person waits: about
    /// 1.3 ms of a Native AOT cold click (test/ButtonToPlug.Benchmarks/README.md). Start-up calls this.
    /// </summary>
    public static void PrepareSerializers()
    {
        _ = LogJsonContext.Default.ClickLogLine;
        _ = LogJsonContext.Default.MetricsLine;
        _ = ResultJsonContext.Default.ClickResult;
    }

    public ClickResult Succeeded(ClickFacts facts, RelayChange change)
    {
        var settings = facts.Settings!;
        var action = facts.Action!;
        var result = new ClickResult(
            ClickTypeText(facts.Event?.ClickType),
            action.ToString(),
            settings.DisplayHost,
            settings.DisplayPort,
            settings.DisplayOutlet,
            change.WasOn is { } wasOn ? OnOff(wasOn) : null,
            OnOff(change.IsOn),
            action.SwitchBackAfter is { } after ? (int)after.TotalSeconds : null,
            ElapsedMs(facts));
        Write(facts, "ok", $"{result.Action}: was {result.Before ?? "unknown"}, now {result.After}", null, result);
        return result;
    }

    public IgnoredResult Ignored(ClickFacts facts, string reason)
    {
        var result = new IgnoredResult(true, reason, ElapsedMs(facts));
        Write(facts, "ignored", reason, null, null);
        return result;
    }

    public void Failed(ClickFacts facts, FunctionException failure) => Write(facts, "failed", failure.Message, failure, null);

    /// <summary>A defect of ours: its stack trace on one line of its own, then the click line and metrics as for any failure.</summary>
    public void Failed(ClickFacts facts, FunctionException failure, Exception defect)
    {
        log.WriteDefect(LogLevel.Error, failure.Message, defect, facts.Context, facts.Settings?.Secrets);
        Failed(facts, failure);
    }

    private void Write(ClickFacts facts, string outcome, string message, FunctionException? failure, ClickResult? result)
    {
        var elapsed = result?.ElapsedMs ?? ElapsedMs(facts);
        var buttonEvent = facts.Event;
        var settings = facts.Settings;
        var battery = buttonEvent?.Battery;
        var warnings = new List<string>(facts.Warnings);
        if (battery is { IsLow: true } low)
        {
            warnings.Add($"battery low: {low.Millivolts} mV (under {low.LowBelowMillivolts} mV); the button will stop sending clicks soon");
        }

        var level = buttonEvent?.Level;
        if (level is { IsLow: true } lowLevel)
        {
            warnings.Add($"battery low: {lowLevel.Percent}% (at or below {BatteryLevel.LowAtOrBelow * 100:0}%); the button will stop sending clicks soon");
        }

        if (buttonEvent?.BatteryWarning is { } batteryWarning)
        {
            warnings.Add(batteryWarning);
        }

        if (buttonEvent?.BatteryText is { } unreadable)
        {
            warnings.Add($"batteryVoltage {unreadable} is not a reading like \"1705mV\"; ignored");
        }

        var line = new ClickLogLine(
            Timestamp: log.Timestamp(),
            Level: failure is not null ? LogLevel.Error : warnings.Count > 0 ? LogLevel.Warn : LogLevel.Info,
            Message: message,
            RequestId: facts.Context.RequestId,
            TraceId: facts.Context.TraceId,
            Source: buttonEvent?.Source.ToString(),
            DeviceId: buttonEvent?.DeviceId,
            ClickKey: buttonEvent?.ClickKey,
            ClickType: ClickTypeText(buttonEvent?.ClickType),
            Action: facts.Action?.ToString(),
            Host: settings?.DisplayHost,
            Port: settings?.DisplayPort,
            Outlet: settings?.DisplayOutlet,
            Outcome: outcome,
            ErrorType: failure?.ErrorType,
            Before: result?.Before,
            After: result?.After,
            CountdownSeconds: result?.CountdownSeconds,
            ElapsedMs: elapsed,
            BatteryMv: battery?.Millivolts,
            BatteryLow: battery?.IsLow ?? level?.IsLow,
            Warnings: warnings.Count > 0 ? warnings : null,
            BatteryLevel: level?.Fraction);
        log.Write(line, LogJsonContext.Default.ClickLogLine);

        if (outcome != "ignored")
        {
            log.Write(Metrics(facts.Context, elapsed, failure?.ErrorType), LogJsonContext.Default.MetricsLine);
        }
    }

    private MetricsLine Metrics(InvocationContext context, long elapsedMs, string? errorType)
    {
        List<MetricDirective> directives =
        [
            new(Namespace, [[]], [new("Presses", "Count"), new("ElapsedMs", "Milliseconds")]),
        ];
        if (errorType is not null)
        {
            directives.Add(new(Namespace, [["errorType"]], [new("Failures", "Count")]));
        }

        var metadata = new MetricsMetadata(log.Time.GetUtcNow().ToUnixTimeMilliseconds(), directives);
        var message = errorType is null ? "metrics: Presses, ElapsedMs" : "metrics: Presses, ElapsedMs, Failures";
        return new MetricsLine(
            log.Timestamp(), LogLevel.Info, message, context.RequestId, context.TraceId, metadata, 1, elapsedMs, errorType is null ? null : 1, errorType);
    }

    private long ElapsedMs(ClickFacts facts) => (long)log.Time.GetElapsedTime(facts.StartedAt).TotalMilliseconds;

    private static string OnOff(bool on) => on ? "on" : "off";

    private static string? ClickTypeText(ClickType? click) => click switch
    {
        ClickType.Single => "SINGLE",
        ClickType.Double => "DOUBLE",
        ClickType.Long => "LONG",
        _ => null,
    };
}
