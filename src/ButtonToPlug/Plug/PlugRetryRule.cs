using ButtonToPlug.Actions;
using ButtonToPlug.Kasa;

namespace ButtonToPlug.Plug;

/// <summary>
/// The one place that decides whether a failed plug command runs a second time (issue 5: no lost and no doubled clicks).
/// Transports only classify failures (<see cref="KasaUnreachableException.RequestSent"/>); they never retry a command themselves.
/// </summary>
/// <remarks>
/// The rule, in order:
/// <list type="number">
/// <item>At most <see cref="MaxAttempts"/> attempts, and a second one only while the invocation's remaining time still holds a
/// whole attempt (<see cref="Pause"/> plus the plug timeout); otherwise the first failure is reported as it was.</item>
/// <item>Only "unreachable" failures are retried, and a SMART device's transient refusal (busy, session lapsed) of plain
/// <c>on</c> and <c>off</c>. A plug that answered with any other error, or with something that is not a Kasa answer, will
/// answer the same way again.</item>
/// <item>When nothing was sent (the name did not resolve, the connect was refused or never completed) any action may run
/// again: the plug has not seen the press.</item>
/// <item>After the request went out only plain <c>on</c> and <c>off</c> run again: they set an explicit state, so a second
/// delivery changes nothing. A <c>toggle</c> is never repeated — the plug may already have flipped, and a second run would
/// read the new state and flip it back. A countdown (<c>on:30m</c>) is never repeated either: its request is three methods
/// (switch, drop rules, add rule) of which an unknown part ran, and a repeat would restart the switch-back timer.</item>
/// </list>
/// </remarks>
internal static class PlugRetryRule
{
    public const int MaxAttempts = 2;

    /// <summary>A short breath before the second attempt, so a router that just dropped a connection can take the next one.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static bool MayRetry(KasaException failure, ClickAction action, int attempt, TimeSpan remaining, TimeSpan attemptTimeout) =>
        attempt < MaxAttempts
        && remaining >= Pause + attemptTimeout
        && failure switch
        {
            KasaUnreachableException unreachable => !unreachable.RequestSent || IsIdempotent(action),
            KasaDeviceException { IsTransient: true } => IsIdempotent(action),
            _ => false,
        };

    /// <summary>On and off without a countdown: sending them twice leaves the plug as sending them once.</summary>
    public static bool IsIdempotent(ClickAction action) =>
        action.SwitchBackAfter is null && action.Kind is SwitchKind.On or SwitchKind.Off;
}
