using System.Buffers;
using System.Text.Json;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>
/// The SMART request envelope: <c>{"method","params","request_time_milis","terminal_uuid"}</c>. The terminal id is always sent:
/// some firmware answers -1012 without it.
/// </summary>
internal static class SmartRequest
{
    public static byte[] ToUtf8(SmartCall call, long requestTimeMilliseconds, string terminalUuid)
    {
        var buffer = new ArrayBufferWriter<byte>(192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            call.WriteMethodAndParams(json);
            json.WriteNumber("request_time_milis", requestTimeMilliseconds);
            json.WriteString("terminal_uuid", terminalUuid);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
