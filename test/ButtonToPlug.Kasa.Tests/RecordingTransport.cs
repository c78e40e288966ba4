using System.Text;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>A transport that records each request's JSON and answers from a script, to pin the exact wire requests.</summary>
internal sealed class RecordingTransport(params string[] answers) : IKasaTransport
{
    private readonly Queue<string> answers = new(answers);

    public List<string> Requests { get; } = [];

    public KasaEndpoint Endpoint { get; } = new("recorded", 9999);

    /// <summary>IOT unless a test sets null, to play a KLAP device whose dialect is found on the first exchange.</summary>
    public KasaDialect? Dialect { get; init; } = KasaDialect.Iot;

    public Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        Requests.Add(Encoding.UTF8.GetString(requestUtf8.Span));
        return Task.FromResult(Encoding.UTF8.GetBytes(this.answers.Dequeue()));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
