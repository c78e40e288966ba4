namespace ButtonToPlug.Kasa.Iot;

/// <summary>One method of one module of the IOT JSON protocol, e.g. <c>system.get_sysinfo</c>.</summary>
internal readonly record struct IotMethod(string Module, string Method)
{
    public static readonly IotMethod GetSysInfo = new("system", "get_sysinfo");
    public static readonly IotMethod SetRelayState = new("system", "set_relay_state");
    public static readonly IotMethod CountDownDeleteAllRules = new("count_down", "delete_all_rules");
    public static readonly IotMethod CountDownAddRule = new("count_down", "add_rule");

    public override string ToString() => $"{Module}.{Method}";
}
