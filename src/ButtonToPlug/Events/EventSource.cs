namespace ButtonToPlug.Events;

/// <summary>Which of the accepted event shapes arrived (CONTRACTS.md section 1).</summary>
internal enum EventSource
{
    /// <summary>The classic AWS IoT Button through an IoT Core rule: <c>clickType</c> at the top, usually with <c>serialNumber</c>.</summary>
    IotButton,

    /// <summary>AWS IoT 1-Click: the click nested in <c>deviceEvent.buttonClicked</c>.</summary>
    OneClick,

    /// <summary>A 1-Click health report (<c>deviceEvent.deviceHealthMonitor</c>): acknowledged, no plug command.</summary>
    OneClickHealth,

    /// <summary>A direct <c>{"action": ...}</c> from the console's Test button or a script.</summary>
    Command,

    /// <summary>SORACOM LTE-M Button Plus / Enterprise through SORACOM Funk: numeric <c>clickType</c>, <c>batteryLevel</c>.</summary>
    SoracomPlus,

    /// <summary>The global SORACOM LTE-M Button through SORACOM Funk: <c>detect_type</c>, <c>seq_number</c>, <c>batt_vol</c>.</summary>
    SoracomButton,

    /// <summary>A Shelly Gen2+ input's <c>NotifyEvent</c> over MQTT through an IoT Core rule on <c>&lt;prefix&gt;/events/rpc</c>.</summary>
    Shelly,

    /// <summary>An HTTPS request through the function's Lambda Function URL (payload format 2.0), answered with a status.</summary>
    Https,
}
