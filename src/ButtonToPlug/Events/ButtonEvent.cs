using ButtonToPlug.Actions;

namespace ButtonToPlug.Events;

/// <summary>
/// An accepted event: a click (<see cref="ClickType"/> set), a direct command (<see cref="Action"/> set) or a
/// 1-Click health report (neither). <see cref="BatteryText"/> keeps an unreadable battery field for the log.
/// </summary>
internal sealed record ButtonEvent(
    EventSource Source,
    ClickType? ClickType,
    ClickAction? Action,
    string? DeviceId,
    BatteryVoltage? Battery,
    string? BatteryText,
    string? HealthCondition)
{
    /// <summary>The key a duplicate delivery of this click is recognised by (CONTRACTS.md section 7); null when the event carries none.</summary>
    public string? ClickKey { get; init; }
}
