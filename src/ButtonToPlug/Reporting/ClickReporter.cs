using System.Text.Encodings.Web;
using System.Text.Json;
using ButtonToPlug.Events;
using ButtonToPlug.Kasa;

namespace ButtonToPlug.Reporting;

/// <summary>
/// Builds the result and writes, per invocation, one JSON log line and (for a click) one EMF metrics line to the output.
/// Each line is a single <see cref="TextWriter.WriteLine(string)"/>, so lines of concurrent clicks never interleave.
/// </summary>
internal sealed class ClickReporter(TextWriter output, TimeProvider time)
{
    private const string Namespace = "ButtonToPlug";

    // Log lines are read by people in CloudWatch, never embedded in HTML: keep ' < > readable instead of \u0027.
    private static readonly LogJsonContext Json = new(new JsonSerializerOptions(LogJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public ClickResult Succeeded(ClickFacts facts, RelayChange change)
    {
        var settings = facts.Settings!;
        var action = facts.Action!;
        var result = new ClickResult(
            ClickTypeText(facts.Event?.ClickType),
            action.ToString(),
            settings.DisplayHost,
            settings.DisplayPort,
            settings.Outlet is { } outlet ? settings.Secrets.Apply(outlet.ToString()) : null,
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
            Level: failure is not null ? "ERROR" : warnings.Count > 0 ? "WARN" : "INFO",
            Message: message,
            RequestId: facts.Context.RequestId,
            TraceId: facts.Context.TraceId,
            Source: buttonEvent?.Source.ToString(),
            DeviceId: buttonEvent?.DeviceId,
            ClickType: ClickTypeText(buttonEvent?.ClickType),
            Action: facts.Action?.ToString(),
            Host: settings?.DisplayHost,
            Port: settings?.DisplayPort,
            Outlet: result?.Outlet ?? (settings?.Outlet is { } outlet ? settings.Secrets.Apply(outlet.ToString()) : null),
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
        output.WriteLine(JsonSerializer.Serialize(line, Json.ClickLogLine));

        if (outcome != "ignored")
        {
            output.WriteLine(JsonSerializer.Serialize(Metrics(elapsed, failure?.ErrorType), Json.MetricsLine));
        }
    }

    private MetricsLine Metrics(long elapsedMs, string? errorType)
    {
        List<MetricDirective> directives =
        [
            new(Namespace, [[]], [new("Presses", "Count"), new("ElapsedMs", "Milliseconds")]),
        ];
        if (errorType is not null)
        {
            directives.Add(new(Namespace, [["errorType"]], [new("Failures", "Count")]));
        }

        var metadata = new MetricsMetadata(time.GetUtcNow().ToUnixTimeMilliseconds(), directives);
        return new MetricsLine(metadata, 1, elapsedMs, errorType is null ? null : 1, errorType);
    }

    private long ElapsedMs(ClickFacts facts) => (long)time.GetElapsedTime(facts.StartedAt).TotalMilliseconds;

    private static string OnOff(bool on) => on ? "on" : "off";

    private static string? ClickTypeText(ClickType? click) => click switch
    {
        ClickType.Single => "SINGLE",
        ClickType.Double => "DOUBLE",
        ClickType.Long => "LONG",
        _ => null,
    };
}
