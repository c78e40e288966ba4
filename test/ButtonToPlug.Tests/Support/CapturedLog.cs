using System.Text.Json;

namespace ButtonToPlug.Tests.Support;

/// <summary>The function's output writer in a test: every line it wrote, and the log and metrics lines parsed.</summary>
public sealed class CapturedLog : IDisposable
{
    private readonly StringWriter text = new();

    public CapturedLog()
    {
        Writer = TextWriter.Synchronized(this.text);
    }

    public TextWriter Writer { get; }

    public string Text => this.text.ToString();

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The structured click lines (the ones that are not EMF documents).</summary>
    public IReadOnlyList<JsonElement> ClickLines => [.. Parsed().Where(line => !line.TryGetProperty("_aws", out _))];

    public IReadOnlyList<JsonElement> MetricLines => [.. Parsed().Where(line => line.TryGetProperty("_aws", out _))];

    public void Dispose()
    {
        Writer.Dispose();
        this.text.Dispose();
    }

    private IEnumerable<JsonElement> Parsed() => Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
