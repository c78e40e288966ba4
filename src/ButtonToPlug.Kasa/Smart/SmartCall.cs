using System.Text.Json;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>One SMART method with its params; written as <c>{"method":…,"params":{…}}</c>, alone or inside a wrapper.</summary>
internal sealed record SmartCall(string Method, Action<Utf8JsonWriter>? WriteParams = null)
{
    public const string GetDeviceInfo = "get_device_info";
    public const string SetDeviceInfo = "set_device_info";
    public const string GetChildDeviceList = "get_child_device_list";
    public const string ControlChild = "control_child";
    public const string RemoveCountdownRules = "remove_countdown_rules";
    public const string AddCountdownRule = "add_countdown_rule";
    public const string MultipleRequest = "multipleRequest";

    /// <summary>Writes the method and its params; params are always an object, since some firmware rejects null params.</summary>
    public void WriteMethodAndParams(Utf8JsonWriter json)
    {
        json.WriteString("method", Method);
        json.WriteStartObject("params");
        WriteParams?.Invoke(json);
        json.WriteEndObject();
    }

    public void WriteObject(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        WriteMethodAndParams(json);
        json.WriteEndObject();
    }

    /// <summary>The same call routed to one outlet of a strip; the answer comes back in <c>result.responseData</c>.</summary>
    public SmartCall ForChild(string childId) => new(ControlChild, json =>
    {
        json.WriteString("device_id", childId);
        json.WritePropertyName("requestData");
        WriteObject(json);
    });

    /// <summary>Several calls in one request, run in order; each answer comes back in <c>result.responses</c>.</summary>
    public static SmartCall Multiple(IReadOnlyList<SmartCall> calls) => new(MultipleRequest, json =>
    {
        json.WriteStartArray("requests");
        foreach (var call in calls)
        {
            call.WriteObject(json);
        }

        json.WriteEndArray();
    });

    public override string ToString() => Method;
}
