using System.Text;
using System.Text.Json;

namespace ButtonToPlug.Testing;

/// <summary>
/// The device behind <see cref="AesDeviceEmulator"/>'s passthrough in the AES tests: one relay. It answers the SMART calls
/// <c>get_device_info</c> and <c>set_device_info</c> (base64 nickname and ssid, <c>device_on</c>) and any other method with
/// -1002. A request without a <c>method</c> is the IOT dialect, which the device layer sends over every transport until it
/// speaks SMART; it gets the IOT <c>get_sysinfo</c> and <c>set_relay_state</c> answers, on the same relay. The one place to
/// plug in the full SMART device model.
/// </summary>
public sealed class AesInnerDevice
{
    private readonly Lock stateLock = new();
    private readonly List<string> executed = [];
    private bool relayOn;

    public bool RelayOn
    {
        get { lock (this.stateLock) { return this.relayOn; } }
        set { lock (this.stateLock) { this.relayOn = value; } }
    }

    /// <summary>Every method carried out, in order (a resent command shows up twice).</summary>
    public IReadOnlyList<string> Executed
    {
        get { lock (this.stateLock) { return [.. this.executed]; } }
    }

    /// <summary>How many of <see cref="Executed"/> switched the relay.</summary>
    public int Switches => Executed.Count(method => method is "set_device_info" or "system.set_relay_state");

    public byte[] Execute(byte[] requestJson)
    {
        using var request = JsonDocument.Parse(requestJson);
        var root = request.RootElement;
        lock (this.stateLock)
        {
            return root.TryGetProperty("method", out var method) ? Smart(method.GetString() ?? "", root) : Iot(root);
        }
    }

    private byte[] Smart(string method, JsonElement request)
    {
        this.executed.Add(method);
        switch (method)
        {
            case "get_device_info":
                var nickname = Convert.ToBase64String(Encoding.UTF8.GetBytes("AES plug"));
                var ssid = Convert.ToBase64String(Encoding.UTF8.GetBytes("home"));
                return Encoding.UTF8.GetBytes(
                    $"{{\"error_code\":0,\"result\":{{\"device_id\":\"802D1B2C3D4E5F60718293A4B5C6D7E8F9012345\",\"fw_ver\":\"1.1.3 Build 20191017 Rel. 57937\",\"hw_ver\":\"1.0\",\"type\":\"SMART.TAPOPLUG\",\"model\":\"P100\",\"mac\":\"5C-62-8B-00-00-02\",\"nickname\":\"{nickname}\",\"ssid\":\"{ssid}\",\"device_on\":{(this.relayOn ? "true" : "false")}}}}}");
            case "set_device_info" when request.TryGetProperty("params", out var parameters) && parameters.TryGetProperty("device_on", out var on):
                this.relayOn = on.GetBoolean();
                return """{"error_code":0}"""u8.ToArray();
            default:
                return """{"error_code":-1002}"""u8.ToArray();
        }
    }

    private byte[] Iot(JsonElement request)
    {
        if (request.TryGetProperty("system", out var system) && system.TryGetProperty("set_relay_state", out var set))
        {
            this.executed.Add("system.set_relay_state");
            this.relayOn = set.GetProperty("state").GetInt32() != 0;
            return """{"system":{"set_relay_state":{"err_code":0}}}"""u8.ToArray();
        }

        this.executed.Add("system.get_sysinfo");
        return Encoding.UTF8.GetBytes(
            $"{{\"system\":{{\"get_sysinfo\":{{\"model\":\"P100\",\"alias\":\"AES plug\",\"deviceId\":\"802D1B2C3D4E5F60718293A4B5C6D7E8F9012345\",\"sw_ver\":\"1.1.3\",\"hw_ver\":\"1.0\",\"mac\":\"5C:62:8B:00:00:02\",\"relay_state\":{(this.relayOn ? 1 : 0)},\"err_code\":0}}}}}}");
    }
}
