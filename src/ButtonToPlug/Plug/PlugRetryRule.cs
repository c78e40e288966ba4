using ButtonToPlug.Actions;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Plug;

/// <summary>
/// The one place that decides whether a failed plug command runs a second time (issue 5: no lost and no doubled clicks).
/// Transports only classify failures (<see cref="KasaUnreachableException.RequestSent"/>); they never retry a command themselves.
/// </summary>
/// <remarks>
/// The rule, in order:
/// <list type="number">
/// <item>At most <see cref="MaxAttempts"/> attempts, and a second one only while the invocation's remaining time still holds
/// what a whole attempt can really cost (<see cref="AttemptCost"/>: <see cref="Pause"/> plus every exchange it makes, each with
/// its own plug timeout: the switch, the read before a toggle, the read that resolves an outlet, and for KLAP and AES the two
/// steps that open a session); otherwise the first failure is reported as it was, and a retry cut short by the deadline
/// reports the first failure too.</item>
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
/// Below this rule the transports resend nothing that may have been carried out, and say so here because this is the one place
/// a reader looks:
/// <list type="bullet">
/// <item>XOR keeps one connection for the requests of one attempt (a toggle's read and switch). Some firmware closes the
/// connection after every answer, and its FIN may arrive just after that answer: a kept connection already closed is dropped
/// before the write, and a request written into a kept connection that ends (end of stream, reset, failed write) before a
/// single answer byte arrived is sent once more on a fresh connection. A plug does not close a connection before answering on
/// it, so that request reached nothing; and every request sets an explicit state (a toggle's switch is the opposite of what
/// was read, never "flip"), so even a plug that acted and then closed unanswered is set the same way again. A partial answer
/// on a kept connection, and an end of stream or a reset on a fresh one, keep their plain meaning and are not resent: the
/// request went out, the plug may have acted.</item>
/// <item>KLAP opens a connection for every exchange for the same reason (plugs that close after each answer, HTTP/1.0 without
/// keep-alive), and resends one request only when the plug answered HTTP 403: it refuses the session before it decrypts
/// anything, so it carried nothing out. A plug whose firmware takes one request per session is remembered per endpoint, and its
/// later requests, the switch among them, each get a session of their own. A read (<c>IKasaTransport.ReadAsync</c>) that
/// failed there is sent once more on a new session; a switch that failed there otherwise is not resent.</item>
/// <item>The protocol fallback of <c>auto</c> resends only a request that cannot have been carried out: the first request on a
/// remembered transport, when it failed as a protocol mismatch (an XOR port that no longer answers in frames, a KLAP or AES
/// port that no longer handshakes). Auto's XOR probe is the click's first request in IOT (a toggle's read, or the switch):
/// when XOR wins its answer serves that request, which so goes out once; on a port that speaks anything else an XOR frame is
/// carried out by nothing; and when no probe wins the click ends as a protocol error, which is never repeated.</item>
/// </list>
/// </remarks>
internal static class PlugRetryRule
{
    public const int MaxAttempts = 2;

    /// <summary>A short breath before the second attempt, so a router that just dropped a connection can take the next one.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    // handshake1 and handshake2 open a KLAP session; the handshake and login_device open an AES one. Auto's probes run side by
    // side, so they cost the longest probe: a session's two steps.
    private const int SessionExchanges = 2;

    public static bool MayRetry(KasaException failure, ClickAction action, int attempt, TimeSpan remaining, TimeSpan attemptCost) =>
        attempt < MaxAttempts
        && remaining >= attemptCost
        && failure switch
        {
            KasaUnreachableException unreachable => !unreachable.RequestSent || IsIdempotent(action),
            KasaDeviceException { IsTransient: true } => IsIdempotent(action),
            _ => false,
        };

    /// <summary>
    /// The longest a second attempt can take: the pause, then every exchange it makes, each bounded by the plug timeout. On, off
    /// and countdowns send one request (toggle two: the read, then the switch), an outlet setting may need one read to resolve,
    /// and KLAP, AES and auto (whose probes may not have settled) open a session first.
    /// </summary>
    public static TimeSpan AttemptCost(PlugSettings settings, ClickAction action)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(action);
        var requests = (action is { Kind: SwitchKind.Toggle, SwitchBackAfter: null } ? 2 : 1) + (settings.Outlet is null ? 0 : 1);
        var session = settings.Protocol == ProtocolSetting.Xor ? 0 : SessionExchanges;
        return Pause + (settings.Timeout * (requests + session));
    }

    /// <summary>On and off without a countdown: sending them twice leaves the plug as sending them once.</summary>
    public static bool IsIdempotent(ClickAction action) =>
        action.SwitchBackAfter is null && action.Kind is SwitchKind.On or SwitchKind.Off;
}
