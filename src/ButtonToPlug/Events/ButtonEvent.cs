using ButtonToPlug.Actions;

namespace ButtonToPlug.Events;

/// <summary>
/// An accepted event: a click (<see cref="ClickType"/> set), a direct command (<see cref="Action"/> set) or an event that
/// is acknowledged without a plug command (<see cref="IgnoredReason"/> set). <see cref="BatteryText"/> keeps an unreadable
/// classic <c>batteryVoltage</c> for the log.
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

    /// <summary>Why this event switches nothing (a health report, a Shelly <c>btn_up</c>, a SORACOM status message); null for a click.</summary>
    public string? IgnoredReason { get; init; }

    /// <summary>The SORACOM Button Plus / Enterprise battery, on its own 0.25–1.0 scale.</summary>
    public BatteryLevel? Level { get; init; }

    /// <summary>A battery field that was there but could not be read, said as a warning for the log.</summary>
    public string? BatteryWarning { get; init; }

    /// <summary>For <see cref="EventSource.Https"/>: the token the caller presented, or null when it presented none.</summary>
    public PresentedToken? Caller { get; init; }
}
