using ButtonToPlug.Kasa.Iot;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa;

/// <summary>
/// What a plug or power strip can do — read its state, switch it, switch it with a countdown back — over any transport.
/// Every request it sends sets an explicit state, so none of them flips anything twice if it were repeated.
/// </summary>
public sealed class KasaClient
{
    private readonly IKasaTransport transport;

    public KasaClient(IKasaTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        this.transport = transport;
    }

    public KasaEndpoint Endpoint => this.transport.Endpoint;

    public async Task<SysInfo> GetSysInfoAsync(CancellationToken cancellationToken)
    {
        var request = new IotRequest().Add(IotMethod.GetSysInfo);
        using var answer = await SendAsync(request, cancellationToken, switchesNothing: true);
        return SysInfoReader.Read(Endpoint, answer.Result(IotMethod.GetSysInfo));
    }

    /// <summary>Switches the device, or one outlet of a strip, and reports the state before and after.</summary>
    public Task<RelayChange> SwitchAsync(RelayAction action, PlugOutlet? outlet, CancellationToken cancellationToken) => action switch
    {
        RelayAction.On => SetAsync(on: true, countdown: null, outlet, cancellationToken),
        RelayAction.Off => SetAsync(on: false, countdown: null, outlet, cancellationToken),
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

    /// <summary>Sends one request and checks every method's err_code; the caller disposes the answer.</summary>
    /// <param name="switchesNothing">True for a read, which the transport may send once more after a failure (<see cref="IKasaTransport.ReadAsync"/>).</param>
    internal async Task<IotAnswer> SendAsync(IotRequest request, CancellationToken cancellationToken, bool switchesNothing = false)
    {
        var bytes = switchesNothing
            ? await this.transport.ReadAsync(request.ToUtf8(), cancellationToken)
            : await this.transport.SendAsync(request.ToUtf8(), cancellationToken);
        var answer = IotAnswer.Parse(Endpoint, bytes);
        try
        {
            answer.EnsureSuccess(request);
            return answer;
        }
        catch
        {
            answer.Dispose();
            throw;
        }
    }

    private async Task<RelayChange> ToggleAsync(PlugOutlet? outlet, CancellationToken cancellationToken)
    {
        var (wasOn, childId) = await ReadBeforeAsync(outlet, cancellationToken);
        using (await SendAsync(SetRequest(childId, !wasOn, countdown: null), cancellationToken))
        {
            return new RelayChange(wasOn, !wasOn, childId);
        }
    }

    private async Task<RelayChange> SetAsync(bool on, TimeSpan? countdown, PlugOutlet? outlet, CancellationToken cancellationToken)
    {
        var (wasOn, childId) = await ReadBeforeAsync(outlet, cancellationToken);
        using (await SendAsync(SetRequest(childId, on, countdown), cancellationToken))
        {
            return new RelayChange(wasOn, on, childId);
        }
    }

    /// <summary>
    /// Reads the state before switching, in its own request: devices serialize an answer after running all of its
    /// methods, so a get_sysinfo sent together with set_relay_state may already show the new state.
    /// The outlet is checked against the strip's own list here, before anything is switched: a wrong outlet must never
    /// become a command without context, which a strip applies to every outlet.
    /// </summary>
    private async Task<(bool WasOn, string? ChildId)> ReadBeforeAsync(PlugOutlet? outlet, CancellationToken cancellationToken)
    {
        var info = await GetSysInfoAsync(cancellationToken);
        var target = outlet?.ResolveIn(info, Endpoint);

        // On a strip without an outlet setting every outlet switches; "was on" then means "any outlet was on".
        return (target?.IsOn ?? info.IsOn, target?.Id);
    }

    private static IotRequest SetRequest(string? childId, bool on, TimeSpan? countdown)
    {
        var request = new IotRequest(childId);
        request.Add(IotMethod.SetRelayState, json => json.WriteNumber("state", on ? 1 : 0));
        if (countdown is { } delay)
        {
            request
                .Add(IotMethod.CountDownDeleteAllRules)
                .Add(IotMethod.CountDownAddRule, json =>
                {
                    json.WriteNumber("enable", 1);
                    json.WriteNumber("delay", (int)Math.Ceiling(delay.TotalSeconds));
                    json.WriteNumber("act", on ? 0 : 1);
                    json.WriteString("name", "ButtonToPlug");
                });
        }

        return request;
    }
}
