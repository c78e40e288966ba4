using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ButtonToPlug.Testing;

/// <summary>
/// A SMART device — a Tapo-style plug, or a strip with outlets — written from the public protocol facts: the request envelope,
/// <c>error_code</c> answers, base64 nicknames, a strip parent without <c>device_on</c>, paged child lists with <c>position</c>,
/// <c>control_child</c> with <c>responseData</c>, one countdown rule at a time, and <c>multipleRequest</c>. Any transport
/// emulator hosts it (<see cref="IEmulatedDevice"/>); tests read and arrange its state directly.
/// </summary>
public sealed class SmartEmulatedDevice : IEmulatedDevice
{
    public const string ParentId = "8022A1B2C3D4E5F60718293A4B5C6D7E8F901234";

    private readonly Lock stateLock = new();
    private readonly List<string> executed = [];
    private readonly List<SmartEmulatedOutlet> outlets;
    private bool relayOn;
    private string? countdownRule;
    private int requests;

    private SmartEmulatedDevice(string model, string type, int outletCount)
    {
        Model = model;
        Type = type;
        this.outlets = [.. Enumerable.Range(1, outletCount).Select(p => new SmartEmulatedOutlet($"{ParentId}{p - 1:D2}", p, Base64($"Outlet {p}")))];
    }

    public string Model { get; }

    public string Type { get; }

    /// <summary>Base64 of UTF-8, as the device sends it; tests may put anything here.</summary>
    public string Nickname { get; set; } = Base64("Tapo Lampe");

    public bool RelayOn
    {
        get { lock (this.stateLock) { return this.relayOn; } }
        set { lock (this.stateLock) { this.relayOn = value; } }
    }

    /// <summary>The outlets in their position order (empty for a plug); the child list sends them in <see cref="ListOrder"/>.</summary>
    public IReadOnlyList<SmartEmulatedOutlet> Outlets => this.outlets;

    /// <summary>Indexes into <see cref="Outlets"/> in the order the child list sends them; null for position order.</summary>
    public IReadOnlyList<int>? ListOrder { get; set; }

    /// <summary>Outlets per page of <c>get_child_device_list</c>.</summary>
    public int ChildPageSize { get; set; } = 10;

    /// <summary>The <c>sum</c> the child list claims; null for the true count.</summary>
    public int? ReportedChildSum { get; set; }

    /// <summary>When set, every request is answered with this error_code and nothing runs.</summary>
    public int? AnswerEveryRequestWith { get; set; }

    /// <summary>The device's countdown rule as raw JSON params, or null.</summary>
    public string? CountdownRule
    {
        get { lock (this.stateLock) { return this.countdownRule; } }
    }

    /// <summary>Every request that reached the device, answered or refused.</summary>
    public int Requests => Volatile.Read(ref this.requests);

    /// <summary>Every method run, in order; a call routed to an outlet shows as <c>control_child/method</c>.</summary>
    public IReadOnlyList<string> Executed
    {
        get { lock (this.stateLock) { return [.. this.executed]; } }
    }

    public static SmartEmulatedDevice Plug(string model = "P110") => new(model, "SMART.TAPOPLUG", 0);

    public static SmartEmulatedDevice Strip(string model = "P300", int outlets = 3) => new(model, "SMART.TAPOPLUG", outlets);

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public byte[] Execute(byte[] requestJson)
    {
        Interlocked.Increment(ref this.requests);
        var request = JsonNode.Parse(requestJson) as JsonObject;
        JsonObject answer;
        lock (this.stateLock)
        {
            answer = request?["method"] is not JsonValue method || method.GetValueKind() != JsonValueKind.String
                ? Error(-1003)
                : request["terminal_uuid"] is null ? Error(-1012)
                : AnswerEveryRequestWith is { } code ? Error(code)
                : Run(method.GetValue<string>(), request["params"], outlet: null);
        }

        return Encoding.UTF8.GetBytes(answer.ToJsonString());
    }

    private JsonObject Run(string method, JsonNode? parameters, SmartEmulatedOutlet? outlet)
    {
        this.executed.Add(outlet is null ? method : $"control_child/{method}");
        var arguments = parameters as JsonObject;
        switch (method)
        {
            case "get_device_info":
                return Result(outlet is null ? DeviceInfo() : OutletInfo(outlet));
            case "set_device_info" when (arguments?["device_on"] is JsonValue on && on.GetValueKind() is (JsonValueKind.True or JsonValueKind.False)):
                if (outlet is not null)
                {
                    outlet.On = on.GetValue<bool>();
                }
                else if (this.outlets.Count == 0)
                {
                    this.relayOn = on.GetValue<bool>();
                }
                else
                {
                    return Error(-1008);
                }

                return Result(new JsonObject());
            case "get_child_device_list" when (outlet is null && this.outlets.Count > 0):
                return ChildList(arguments?["start_index"]?.GetValue<int>() ?? 0);
            case "control_child" when (outlet is null && this.outlets.Count > 0):
                var target = this.outlets.Find(o => o.DeviceId == arguments?["device_id"]?.GetValue<string>());
                if (target is null || arguments?["requestData"] is not JsonObject inner || inner["method"]?.GetValue<string>() is not { } innerMethod)
                {
                    return Error(-1008);
                }

                return Result(new JsonObject { ["responseData"] = Run(innerMethod, inner["params"], target) });
            case "get_countdown_rules" when arguments is not null:
                var rule = outlet is null ? this.countdownRule : outlet.CountdownRule;
                return Result(new JsonObject { ["enable"] = rule is not null, ["countdown_rule_max_count"] = 1, ["rule_list"] = new JsonArray(rule is null ? [] : [JsonNode.Parse(rule)]) });
            case "remove_countdown_rules" when (arguments?["remove_all"]?.GetValue<bool>() == true):
                SetRule(outlet, null);
                return Result(new JsonObject());
            case "add_countdown_rule" when (arguments?["delay"] is JsonValue && arguments["desired_states"]?["on"] is JsonValue):
                if ((outlet is null ? this.countdownRule : outlet.CountdownRule) is not null)
                {
                    return Error(-1902);
                }

                SetRule(outlet, arguments.ToJsonString());
                return Result(new JsonObject { ["id"] = "C1" });
            case "multipleRequest" when (arguments?["requests"] is JsonArray requests):
                var responses = new JsonArray();
                foreach (var call in requests.OfType<JsonObject>())
                {
                    var name = call["method"]?.GetValue<string>() ?? "";
                    var response = Run(name, call["params"], outlet);
                    response["method"] = name;
                    responses.Add(response);
                }

                return Result(new JsonObject { ["responses"] = responses });
            case "get_device_info" or "set_device_info" or "get_child_device_list" or "control_child" or "get_countdown_rules"
                or "remove_countdown_rules" or "add_countdown_rule" or "multipleRequest":
                return Error(-1008);
            default:
                return Error(-1002);
        }
    }

    private void SetRule(SmartEmulatedOutlet? outlet, string? rule)
    {
        if (outlet is null)
        {
            this.countdownRule = rule;
        }
        else
        {
            outlet.CountdownRule = rule;
        }
    }

    private JsonObject DeviceInfo()
    {
        var info = new JsonObject
        {
            ["device_id"] = ParentId,
            ["fw_ver"] = "1.3.1 Build 240621 Rel.162048",
            ["hw_ver"] = "1.0",
            ["type"] = Type,
            ["model"] = Model,
            ["mac"] = "5C-62-8B-00-00-02",
            ["nickname"] = Nickname,
            ["ssid"] = Base64("Heimnetz"),
            ["on_time"] = this.relayOn ? 42 : 0,
        };
        if (this.outlets.Count == 0)
        {
            info["device_on"] = this.relayOn;
        }

        return info;
    }

    private JsonObject OutletInfo(SmartEmulatedOutlet outlet) => new()
    {
        ["device_id"] = outlet.DeviceId,
        ["position"] = outlet.Position,
        ["slot_number"] = this.outlets.Count,
        ["nickname"] = outlet.Nickname,
        ["device_on"] = outlet.On,
        ["model"] = Model,
        ["type"] = Type,
    };

    private JsonObject ChildList(int start)
    {
        var order = ListOrder ?? [.. Enumerable.Range(0, this.outlets.Count)];
        var page = new JsonArray([.. order.Skip(start).Take(ChildPageSize).Select(i => OutletInfo(this.outlets[i]))]);
        return Result(new JsonObject { ["child_device_list"] = page, ["start_index"] = start, ["sum"] = ReportedChildSum ?? this.outlets.Count });
    }

    private static JsonObject Result(JsonObject result) => new() { ["error_code"] = 0, ["result"] = result };

    private static JsonObject Error(int code) => new() { ["error_code"] = code };
}
