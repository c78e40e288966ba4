using System.Text;
using System.Text.Json.Nodes;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// Makes hostile events from a seeded <see cref="Random"/>: the sample events with bytes flipped, cut or repeated, with
/// values swapped for the wrong types, random JSON, huge strings, deep nesting, invalid UTF-8 and raw noise.
/// The same seed gives the same events, so a failure reproduces.
/// </summary>
internal sealed class EventMutator(IReadOnlyList<byte[]> samples, int seed)
{
    private static readonly string[] Words =
    [
        "clickType", "SINGLE", "DOUBLE", "LONG", "single", "LoNg", "TRIPLE", "action", "on", "off", "toggle", "on:30m", "off:90s",
        "on:25h", "on:0s", "on:1h30m", "off:-5m", "toggle:5m", "deviceEvent", "buttonClicked", "deviceHealthMonitor", "deviceInfo",
        "serialNumber", "batteryVoltage", "1705mV", "2000 mV", "-3mV", "99999999999999999999mV", "", " ", "\u0000", "\uFFFD", "é",
        "null", "true", "{}", "[]",
        "clickTypeName", "batteryLevel", "detect_type", "Single short click", "Double short click", "Single long click", "Extra long click",
        "seq_number", "batt_vol", "msg_type", "prod_type", "status", "src", "method", "NotifyEvent", "NotifyStatus", "params", "events",
        "event", "single_push", "double_push", "long_push", "btn_up", "triple_push", "ts", "clickId", "requestContext", "http", "body",
        "rawQueryString", "isBase64Encoded", "headers", "authorization", "Bearer ", "Basic x", "idempotency-key", "click=double",
        "action=off", "click=single&action=on", "token=", "%zz", "{\"clickType\":\"LONG\"}", "{\"action\":\"on:30m\"}", "not json",
    ];

    private readonly Random random = new(seed);

    private readonly string[] clientContexts =
    [
        """{"custom":{"imsi":"295050912345678","simId":"8942310022000012345"}}""",
        """{"custom":{"imsi":"295050912345678"}}""",
        """{"custom":{"simId":42}}""",
        """{"custom":"x"}""",
        "[]",
        "{",
        "",
        new string('{', 5000),
    ];

    /// <summary>A client context as Lambda might hand one over: none, SORACOM's, or a broken one.</summary>
    public string? NextClientContext() => this.random.Next(3) == 0 ? this.clientContexts[this.random.Next(this.clientContexts.Length)] : null;

    public byte[] Next() => this.random.Next(20) switch
    {
        < 6 => MutateBytes(Sample()),
        < 12 => MutateStructure(),
        < 15 => Encoding.UTF8.GetBytes(RandomJson(this.random.Next(1, 6))?.ToJsonString() ?? "null"),
        < 17 => Deep(),
        < 19 => InvalidUtf8(),
        _ => Huge(),
    };

    private byte[] Sample() => samples[this.random.Next(samples.Count)];

    private byte[] MutateBytes(byte[] source)
    {
        var bytes = new List<byte>(source);
        for (var edits = this.random.Next(1, 6); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = this.random.Next(bytes.Count);
            switch (this.random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)this.random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(this.random.Next(1, 16), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Words[this.random.Next(Words.Length)]));
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(this.random.Next(1, 32), bytes.Count - at)));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private byte[] MutateStructure()
    {
        var root = JsonNode.Parse(Sample())!;
        for (var edits = this.random.Next(1, 4); edits > 0; edits--)
        {
            var objects = Objects(root).ToList();
            var target = objects[this.random.Next(objects.Count)];
            var names = target.Select(p => p.Key).ToList();
            switch (this.random.Next(4))
            {
                case 0 when names.Count > 0:
                    target[names[this.random.Next(names.Count)]] = RandomJson(this.random.Next(0, 3));
                    break;
                case 1 when names.Count > 0:
                    target.Remove(names[this.random.Next(names.Count)]);
                    break;
                case 2:
                    target[Words[this.random.Next(Words.Length)]] = RandomJson(this.random.Next(0, 3));
                    break;
                default:
                    target[Words[this.random.Next(Words.Length)]] = Words[this.random.Next(Words.Length)];
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj.ToList())
            {
                foreach (var inner in Objects(child))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var inner in Objects(item))
                {
                    yield return inner;
                }
            }
        }
    }

    private JsonNode? RandomJson(int depth) => this.random.Next(depth > 0 ? 8 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(this.random.Next(2) == 0),
        2 => JsonValue.Create(this.random.Next(3) == 0 ? this.random.NextDouble() * double.MaxValue : this.random.Next(int.MinValue, int.MaxValue)),
        3 => JsonValue.Create(Words[this.random.Next(Words.Length)]),
        4 => JsonValue.Create(new string((char)this.random.Next(32, 0xD7FF), this.random.Next(0, 64))),
        5 => JsonValue.Create(Words[this.random.Next(Words.Length)].ToUpperInvariant()),
        6 => new JsonArray([.. Enumerable.Range(0, this.random.Next(4)).Select(_ => RandomJson(depth - 1))]),
        _ => new JsonObject(Enumerable.Range(0, this.random.Next(5)).Select(i =>
            KeyValuePair.Create($"{Words[this.random.Next(Words.Length)]}{i}", RandomJson(depth - 1)))),
    };

    private byte[] Deep()
    {
        var depth = this.random.Next(10) == 0 ? this.random.Next(1_000, 20_000) : this.random.Next(2, 200);
        var builder = new StringBuilder();
        var asObject = this.random.Next(2) == 0;
        builder.Append(asObject ? """{"deviceEvent":""" : "{\"clickType\":");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(asObject ? """{"buttonClicked":""" : "[");
        }

        builder.Append("\"SINGLE\"");
        if (this.random.Next(3) > 0)
        {
            builder.Append(asObject ? '}' : ']', depth);
            builder.Append('}');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private byte[] InvalidUtf8()
    {
        byte[][] bad = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0x28], [0xC0, 0xAF], [0xE2, 0x82], [0x80]];
        var source = Sample();
        var quote = Array.IndexOf(source, (byte)'"', this.random.Next(source.Length));
        var at = quote < 0 ? this.random.Next(source.Length) : quote + 1;
        return [.. source.AsSpan(0, at), .. bad[this.random.Next(bad.Length)], .. source.AsSpan(at)];
    }

    private byte[] Huge()
    {
        var length = this.random.Next(20) == 0 ? this.random.Next(100_000, 1_000_000) : this.random.Next(1_000, 20_000);
        var filler = new string((char)this.random.Next('a', 'z' + 1), length);
        return this.random.Next(8) switch
        {
            5 => Encoding.UTF8.GetBytes($$$"""{"src":"{{{filler}}}","method":"NotifyEvent","params":{"ts":1,"events":[{"event":"single_push"}]}}"""),
            6 => Encoding.UTF8.GetBytes($$$"""{"requestContext":{"http":{}},"headers":{"authorization":"Bearer {{{filler}}}"},"body":"{\"clickType\":\"SINGLE\"}"}"""),
            7 => Encoding.UTF8.GetBytes($$$"""{"requestContext":{"http":{}},"rawQueryString":"token=x&click={{{filler}}}"}"""),
            0 => Encoding.UTF8.GetBytes($$"""{"clickType":"{{filler}}"}"""),
            1 => Encoding.UTF8.GetBytes($$"""{"action":"on:{{filler}}"}"""),
            2 => Encoding.UTF8.GetBytes($$"""{"clickType":"LONG","serialNumber":"{{filler}}","batteryVoltage":"{{filler}}mV"}"""),
            3 => Encoding.UTF8.GetBytes($$"""{"{{filler}}":1,"clickType":"DOUBLE"}"""),
            _ => RandomBytes(length),
        };
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        this.random.NextBytes(bytes);
        return bytes;
    }
}
