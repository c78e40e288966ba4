using ButtonToPlug.Logging;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Logging;

public sealed class LogWriterTests : IDisposable
{
    private static readonly InvocationContext Invocation = new("request-7", DateTimeOffset.MaxValue, "Root=1-5759e988-bd862e3fe1be46a994272793");

    private readonly StringWriter output = new();

    public void Dispose() => this.output.Dispose();

    [Fact]
    public void Write_DuringAnInvocation_IsOneEnvelopeLineWithItsIds()
    {
        new LogWriter(this.output, LogLevel.Info, TimeProvider.System).Write(LogLevel.Warn, "it's <odd>", Invocation);

        var line = Assert.Single(LogEnvelope.ParseAll(this.output.ToString()));
        Assert.Equal(("WARN", "it's <odd>"), (LogEnvelope.Level(line), line.GetProperty("message").GetString()));
        Assert.Equal(("request-7", Invocation.TraceId), (LogEnvelope.RequestId(line), line.GetProperty("traceId").GetString()));
        Assert.Contains("it's <odd>", this.output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Debug", 5)]
    [InlineData("Info", 4)]
    [InlineData("Warn", 3)]
    [InlineData("Error", 2)]
    [InlineData("Fatal", 1)]
    public void Write_BelowTheThreshold_IsDropped(string threshold, int kept)
    {
        var log = new LogWriter(this.output, Enum.Parse<LogLevel>(threshold), TimeProvider.System);

        foreach (var level in Enum.GetValues<LogLevel>())
        {
            log.Write(level, level.ToString());
        }

        Assert.Equal(kept, LogEnvelope.ParseAll(this.output.ToString()).Count);
    }

    [Fact]
    public void WriteDefect_IsOneLineWithTheStackTraceAsAnArrayAndSecretsMasked()
    {
        Exception defect;
        try
        {
            throw new InvalidOperationException("cannot reach MyHome.DDNS.net", new FormatException("inner about myhome.ddns.net\nsecond line"));
        }
        catch (InvalidOperationException e)
        {
            defect = e;
        }

        new LogWriter(this.output, LogLevel.Info, TimeProvider.System)
            .WriteDefect(LogLevel.Error, "internal error", defect, Invocation, new Redactor([" myhome.ddns.net "]));

        var line = Assert.Single(LogEnvelope.ParseAll(this.output.ToString()));
        Assert.Equal(typeof(InvalidOperationException).FullName, line.GetProperty("errorType").GetString());
        Assert.Equal($"cannot reach {Redactor.Mask}", line.GetProperty("errorMessage").GetString());
        var frames = line.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(frames, f => f.Contains(nameof(WriteDefect_IsOneLineWithTheStackTraceAsAnArrayAndSecretsMasked), StringComparison.Ordinal));
        Assert.Contains($"--- inner {typeof(FormatException).FullName}: inner about {Redactor.Mask} second line", frames);
        Assert.DoesNotContain("ddns", this.output.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FromEnvironment_AboveInfo_WarnsOnceThatMetricsStop()
    {
        LogWriter.FromEnvironment(this.output, name => name == LogThreshold.Variable ? "warn" : null, TimeProvider.System);

        var line = Assert.Single(LogEnvelope.ParseAll(this.output.ToString()));
        Assert.Equal("WARN", LogEnvelope.Level(line));
        Assert.Contains("EMF", line.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_AtInfo_SaysNothing()
    {
        LogWriter.FromEnvironment(this.output, _ => null, TimeProvider.System);

        Assert.Empty(this.output.ToString());
    }
}
