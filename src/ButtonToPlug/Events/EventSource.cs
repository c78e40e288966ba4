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
}
