using System.Buffers;
using System.Text.Json;

namespace ButtonToPlug.Kasa.Iot;

/// <summary>
/// Builds one IOT request: an optional <c>context</c> naming strip outlets, then modules with their methods, in the order
/// added (devices run them in that order).
/// </summary>
internal sealed class IotRequest
{
    private readonly List<(IotMethod Method, Action<Utf8JsonWriter>? WriteArguments)> methods = [];

    /// <param name="childId">The full child id of a strip outlet; null addresses the whole device.</param>
    public IotRequest(string? childId = null)
    {
        ChildId = childId;
    }

    public string? ChildId { get; }

    public IReadOnlyList<IotMethod> Methods => this.methods.Select(m => m.Method).ToList();

    /// <summary>Adds a method; methods of one module must be added one after the other (a JSON object has each key once).</summary>
    public IotRequest Add(IotMethod method, Action<Utf8JsonWriter>? writeArguments = null)
    {
        if (this.methods.Count > 0 && this.methods[^1].Method.Module != method.Module && this.methods.Exists(m => m.Method.Module == method.Module))
        {
            throw new InvalidOperationException($"module {method.Module} was already closed in this request");
        }

        this.methods.Add((method, writeArguments));
        return this;
    }

    public byte[] ToUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (ChildId is not null)
            {
                // Without this context a strip applies set_relay_state to every outlet.
                json.WriteStartObject("context");
                json.WriteStartArray("child_ids");
                json.WriteStringValue(ChildId);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            string? open = null;
            foreach (var (method, writeArguments) in this.methods)
            {
                if (open != method.Module)
                {
                    if (open is not null)
                    {
                        json.WriteEndObject();
                    }

                    json.WriteStartObject(method.Module);
                    open = method.Module;
                }

                json.WriteStartObject(method.Method);
                writeArguments?.Invoke(json);
                json.WriteEndObject();
            }

            if (open is not null)
            {
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
