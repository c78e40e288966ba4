using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ButtonToPlug.Logging;

/// <summary>
/// Writes every line the process logs: one source-generated JSON object per call, in the envelope Lambda's JSON log
/// format filters on (<c>timestamp</c> RFC 3339 UTC with milliseconds, <c>level</c>, <c>message</c>, and the invocation's
/// <c>requestId</c>/<c>traceId</c>), and nothing below <see cref="Threshold"/>. Each line is a single
/// <see cref="TextWriter.WriteLine(string)"/>, so lines of concurrent clicks never interleave on a synchronized writer.
/// </summary>
internal sealed class LogWriter(TextWriter output, LogLevel threshold, TimeProvider time)
{
    // Read by people in CloudWatch, never embedded in HTML: keep ' < > readable instead of \u0027.
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public LogLevel Threshold { get; } = threshold;

    public TimeProvider Time { get; } = time;

    /// <summary>
    /// The writer for the process: the threshold from <c>AWS_LAMBDA_LOG_LEVEL</c>, and at start-up, at WARN, what that
    /// threshold costs (Lambda drops the EMF metrics lines too) or why the variable was not understood.
    /// </summary>
    public static LogWriter FromEnvironment(TextWriter output, Func<string, string?> variable, TimeProvider time)
    {
        var log = new LogWriter(output, LogThreshold.Read(variable, out var problem), time);
        if (problem is not null)
        {
            log.Write(LogLevel.Warn, problem);
        }

        if (log.Threshold > LogLevel.Info)
        {
            log.Write(LogLevel.Warn,
                $"{LogThreshold.Variable} is {log.Threshold.ToString().ToUpperInvariant()}: only failed clicks and clicks with warnings are logged, "
                + "and Lambda drops the INFO-level EMF lines as well, so the Presses, ElapsedMs and Failures metrics stop; set it to INFO to keep them");
        }

        return log;
    }

    public bool IsEnabled(LogLevel level) => level >= Threshold;

    /// <summary>Now, as every line writes it: RFC 3339, UTC, milliseconds.</summary>
    public string Timestamp() =>
        Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public void Write(LogLevel level, string message, InvocationContext? context = null)
    {
        if (IsEnabled(level))
        {
            Write(new LogRecord(Timestamp(), level, message, context?.RequestId, context?.TraceId), LogRecordJsonContext.Default.LogRecord);
        }
    }

    /// <summary>
    /// A defect, with its exception on the same line. Its message and those of inner exceptions are foreign text that may
    /// quote a setting, so <paramref name="secrets"/> (the click's SecureString values, when known) are masked in them.
    /// </summary>
    public void WriteDefect(LogLevel level, string message, Exception exception, InvocationContext? context, Redactor? secrets)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!IsEnabled(level))
        {
            return;
        }

        var mask = secrets is null ? (Func<string, string>)(text => text) : secrets.Apply;
        var frames = new List<string>();
        AddFrames(frames, exception);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            frames.Add($"--- inner {inner.GetType().FullName}: {mask(inner.Message).ReplaceLineEndings(" ")}");
            AddFrames(frames, inner);
        }

        Write(
            new LogRecord(Timestamp(), level, message, context?.RequestId, context?.TraceId,
                exception.GetType().FullName, mask(exception.Message).ReplaceLineEndings(" "), frames),
            LogRecordJsonContext.Default.LogRecord);
    }

    /// <summary>Writes a line of any envelope record (a click line, an EMF line) when its level passes the threshold.</summary>
    public void Write<T>(T record, JsonTypeInfo<T> type)
        where T : ILogRecord
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IsEnabled(record.Level))
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            JsonSerializer.Serialize(json, record, type);
        }

        try
        {
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        catch (IOException)
        {
            // Nowhere left to say it (stdout full or gone): the line is lost, but the click's outcome still reaches its caller.
        }
    }

    private static void AddFrames(List<string> frames, Exception exception)
    {
        if (exception.StackTrace is { } trace)
        {
            frames.AddRange(trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}
