using System.Text.Json;

namespace ButtonToPlug.Testing;

/// <summary>
/// The IOT JSON command set a KLAP plug carries out (and the "module not support" it answers to SMART JSON) once a request is decrypted: <c>system.get_sysinfo</c>,
/// <c>system.set_relay_state</c> and the <c>count_down</c> rules, onto a relay the tests read directly.
/// </summary>
public sealed class KlapEmulatedPlug(string model) : IEmulatedDevice
{
    private readonly Lock stateLock = new();
    private readonly List<string> executed = [];
    private bool relayOn;
    private string? countdownRule;

    public bool RelayOn
    {
        get { lock (this.stateLock) { return this.relayOn; } }
        set { lock (this.stateLock) { this.relayOn = value; } }
    }

    /// <summary>Every <c>module.method</c> carried out, in order (a resent command shows up twice).</summary>
    public IReadOnlyList<string> Executed
    {
        get { lock (this.stateLock) { return [.. this.executed]; } }
    }

    /// <summary>The last countdown rule added, as raw JSON, or null.</summary>
    public string? CountdownRule
    {
        get { lock (this.stateLock) { return this.countdownRule; } }
    }

    public byte[] Execute(byte[] requestJson)
    {
        using var request = JsonDocument.Parse(requestJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var module in request.RootElement.EnumerateObject())
            {
                writer.WriteStartObject(module.Name);
                if (module.Value.ValueKind != JsonValueKind.Object || module.Name is not ("system" or "count_down"))
                {
                    // How IOT firmware answers each key of a SMART request ("method", "params", …): no such module, nothing run.
                    writer.WriteNumber("err_code", -1);
                    writer.WriteString("err_msg", "module not support");
                    writer.WriteEndObject();
                    continue;
                }

                foreach (var method in module.Value.EnumerateObject())
                {
                    writer.WriteStartObject(method.Name);
                    lock (this.stateLock)
                    {
                        this.executed.Add($"{module.Name}.{method.Name}");
                        Answer(module.Name, method.Name, method.Value, writer);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private void Answer(string module, string method, JsonElement arguments, Utf8JsonWriter writer)
    {
        switch ((module, method))
        {
            case ("system", "get_sysinfo"):
                WriteSysInfo(writer);
                break;
            case ("system", "set_relay_state"):
                this.relayOn = arguments.GetProperty("state").GetInt32() != 0;
                writer.WriteNumber("err_code", 0);
                break;
            case ("count_down", "delete_all_rules"):
                this.countdownRule = null;
                writer.WriteNumber("err_code", 0);
                break;
            case ("count_down", "add_rule"):
                this.countdownRule = arguments.GetRawText();
                writer.WriteString("id", "7C90311A1CD3227F25C6001D88F7FC13");
                writer.WriteNumber("err_code", 0);
                break;
            case ("count_down", "get_rules"):
                writer.WriteStartArray("rule_list");
                writer.WriteEndArray();
                writer.WriteNumber("err_code", 0);
                break;
            default:
                writer.WriteNumber("err_code", -2);
                writer.WriteString("err_msg", "member not support");
                break;
        }
    }

    private void WriteSysInfo(Utf8JsonWriter writer)
    {
        writer.WriteString("sw_ver", "1.1.2 Build 260101 Rel.120000");
        writer.WriteString("hw_ver", "5.0");
        writer.WriteString("model", model);
        writer.WriteString("deviceId", "8006A1B2C3D4E5F60718293A4B5C6D7E8F901234");
        writer.WriteString("oemId", "FFF22CFF774A0B89F7624BFC6F50D5DE");
        writer.WriteString("hwId", "0000000000000000000000000000000A");
        writer.WriteNumber("rssi", -48);
        writer.WriteString("alias", "KLAP plug");
        writer.WriteString("status", "new");
        writer.WriteString("mic_type", "IOT.SMARTPLUGSWITCH");
        writer.WriteString("feature", "TIM");
        writer.WriteString("mac", "5C:62:8B:00:00:01");
        writer.WriteNumber("updating", 0);
        writer.WriteNumber("led_off", 0);
        writer.WriteNumber("relay_state", this.relayOn ? 1 : 0);
        writer.WriteNumber("on_time", this.relayOn ? 42 : 0);
        writer.WriteString("active_mode", "none");
        writer.WriteString("dev_name", "Smart Wi-Fi Plug Mini");
        writer.WriteStartObject("next_action");
        writer.WriteNumber("type", -1);
        writer.WriteEndObject();
        writer.WriteNumber("err_code", 0);
    }
}
