using ButtonToPlug.Kasa.Iot;
using ButtonToPlug.Kasa.Smart;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa;

/// <summary>
/// What a plug or power strip can do — read its state, switch it, switch it with a countdown back — over any transport and in
/// either dialect, IOT or SMART, without knowing which: the dialect is the transport's (asked after the transport has settled,
/// so <c>auto</c> names the one it found), else the one remembered for the endpoint, else SMART; an answer that is the other
/// dialect's refusal (which proves nothing ran) settles it and the request goes again.
/// SMART goes first where nothing is known because most KLAP devices sold now speak it, and because how IOT firmware refuses a
/// SMART request ("module not support" for each key) is well known.
/// Every request sets an explicit state, so none of them flips anything twice if it were repeated.
/// </summary>
/// <remarks>
/// <c>on</c>, <c>off</c> and the countdowns send the switch command first and read nothing before it (a person is waiting at the
/// lamp). Only an outlet setting costs a read, once: its full child id is resolved against the strip's own list and remembered in
/// <see cref="KasaDeviceMemory"/>, so a wrong outlet never becomes a command without context (which a strip applies to every outlet).
/// </remarks>
public sealed class KasaClient
{
    private readonly IKasaTransport transport;
    private readonly KasaDeviceMemory memory;
    private IKasaDialect? dialect;
    private bool dialectSettled;

    public KasaClient(IKasaTransport transport)
        : this(transport, new KasaDeviceMemory())
    {
    }

    /// <param name="memory">What earlier clients learned about the endpoint; the warm function passes the same one every click.</param>
    public KasaClient(IKasaTransport transport, KasaDeviceMemory memory)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(memory);
        this.transport = transport;
        this.memory = memory;
    }

    public KasaEndpoint Endpoint => this.transport.Endpoint;

    /// <summary>The dialect of the last exchange (after the first one, the one the device answered in); null before any.</summary>
    public KasaDialect? Dialect => this.dialect?.Kind;

    public Task<SysInfo> GetSysInfoAsync(CancellationToken cancellationToken) =>
        InDialectAsync(dialect => dialect.ReadAsync(cancellationToken), iotSwitch: null, cancellationToken);

    /// <summary>Switches the device, or one outlet of a strip; <see cref="RelayChange.WasOn"/> is known only for a toggle.</summary>
    public Task<RelayChange> SwitchAsync(RelayAction action, PlugOutlet? outlet, CancellationToken cancellationToken) => action switch
    {
        RelayAction.On => SetAsync(on: true, switchBackAfter: null, outlet, cancellationToken),
        RelayAction.Off => SetAsync(on: false, switchBackAfter: null, outlet, cancellationToken),
        RelayAction.Toggle => ToggleAsync(outlet, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown relay action"),
    };

    /// <summary>
    /// Switches now and leaves a countdown rule on the plug that switches back after <paramref name="switchBackAfter"/>,
    /// so the switch-back happens without us. Earlier countdown rules are deleted first (plugs hold only one).
    /// </summary>
    public Task<RelayChange> SwitchWithCountdownAsync(bool on, TimeSpan switchBackAfter, PlugOutlet? outlet, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(switchBackAfter, TimeSpan.FromSeconds(1));
        return SetAsync(on, switchBackAfter, outlet, cancellationToken);
    }

    /// <summary>
    /// Reads, then sets the explicit opposite state (never "flip"), on this one transport: over XOR both requests share one
    /// connection, so a toggle costs one connect.
    /// </summary>
    private async Task<RelayChange> ToggleAsync(PlugOutlet? outlet, CancellationToken cancellationToken)
    {
        var info = await GetSysInfoAsync(cancellationToken);
        var target = outlet is null ? null : Resolved(outlet, info);

        // On a strip without an outlet setting every outlet switches; "was on" then means "any outlet was on".
        var wasOn = target?.IsOn ?? info.IsOn;
        await SwitchInDialectAsync(target?.Id, !wasOn, null, cancellationToken);
        return new RelayChange(wasOn, !wasOn, target?.Id);
    }

    private async Task<RelayChange> SetAsync(bool on, TimeSpan? switchBackAfter, PlugOutlet? outlet, CancellationToken cancellationToken)
    {
        if (outlet is null)
        {
            await SwitchInDialectAsync(null, on, switchBackAfter, cancellationToken);
            return new RelayChange(null, on, null);
        }

        var remembered = this.memory.ChildIdOf(Endpoint, outlet);
        var childId = remembered ?? Resolved(outlet, await GetSysInfoAsync(cancellationToken)).Id;
        try
        {
            await SwitchInDialectAsync(childId, on, switchBackAfter, cancellationToken);
        }
        catch (KasaDeviceException stale) when (remembered is not null && this.dialect!.IsUnknownChild(stale))
        {
            // The strip switched nothing: the id it was once told is gone. Read afresh; an outlet that is gone too fails here.
            this.memory.ForgetChildId(Endpoint, outlet);
            childId = Resolved(outlet, await GetSysInfoAsync(cancellationToken)).Id;
            await SwitchInDialectAsync(childId, on, switchBackAfter, cancellationToken);
        }

        return new RelayChange(null, on, childId);
    }

    /// <summary>The outlet in the strip's own list (or a <see cref="KasaOutletException"/> listing what it has), remembered.</summary>
    private OutletInfo Resolved(PlugOutlet outlet, SysInfo info)
    {
        var target = outlet.ResolveIn(info, Endpoint);
        this.memory.RememberChildId(Endpoint, outlet, target.Id);
        return target;
    }

    /// <param name="iotSwitch">The exchange's switch as the IOT dialect sends it, for auto's XOR probe (<see cref="IKasaTransport.SettleAsync"/>); null for a read.</param>
    private async Task<T> InDialectAsync<T>(Func<IKasaDialect, Task<T>> exchange, Func<IotRequest>? iotSwitch, CancellationToken cancellationToken)
    {
        if (this.dialect is null)
        {
            // Chosen only once the transport has settled: auto knows only then whether it carries one dialect (XOR, AES) or either.
            await this.transport.SettleAsync(iotSwitch?.Invoke().ToUtf8(), cancellationToken);
            this.dialect = Speak(this.transport.Dialect ?? this.memory.DialectOf(Endpoint) ?? KasaDialect.Smart);
        }

        T result;
        try
        {
            result = await exchange(this.dialect);
        }
        catch (KasaWrongDialectException first) when (!this.dialectSettled && MaySpeak(Other(first.Sent)))
        {
            this.dialect = Speak(Other(first.Sent));
            try
            {
                result = await exchange(this.dialect);
            }
            catch (KasaWrongDialectException second)
            {
                throw new KasaProtocolException(
                    Endpoint,
                    $"the device speaks neither IOT nor SMART JSON: it answered the {Name(first.Sent)} request with {first.AnswerLooked} "
                    + $"and the {Name(second.Sent)} request with {second.AnswerLooked}",
                    second);
            }
        }
        catch (KasaWrongDialectException wrong)
        {
            throw new KasaProtocolException(
                Endpoint,
                $"the device refused the {Name(wrong.Sent)} request with {wrong.AnswerLooked}, the other dialect's refusal, "
                + $"but this transport carries only {Name(wrong.Sent)}",
                wrong);
        }

        if (!this.dialectSettled)
        {
            this.dialectSettled = true;
            this.memory.RememberDialect(Endpoint, this.dialect.Kind);
        }

        return result;
    }

    /// <summary>One switch in the device's dialect; its IOT form goes to auto's XOR probe when the transport is not settled yet.</summary>
    private async Task SwitchInDialectAsync(string? childId, bool on, TimeSpan? switchBackAfter, CancellationToken cancellationToken) =>
        await InDialectAsync(
            async dialect =>
            {
                await dialect.SwitchAsync(childId, on, switchBackAfter, cancellationToken);
                return true;
            },
            () => IotDialect.SetRequest(childId, on, switchBackAfter),
            cancellationToken);

    private bool MaySpeak(KasaDialect dialect) => this.transport.Dialect is null || this.transport.Dialect == dialect;

    /// <summary>The one place a dialect is chosen.</summary>
    private IKasaDialect Speak(KasaDialect dialect) => dialect switch
    {
        KasaDialect.Smart => new SmartDialect(this.transport),
        _ => new IotDialect(this.transport),
    };

    private static string Name(KasaDialect dialect) => dialect == KasaDialect.Iot ? "IOT" : "SMART";

    private static KasaDialect Other(KasaDialect dialect) => dialect == KasaDialect.Iot ? KasaDialect.Smart : KasaDialect.Iot;
}
