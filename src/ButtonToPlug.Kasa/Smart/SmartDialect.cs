using System.Security.Cryptography;
using System.Text.Json;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>
/// The SMART dialect over any transport: <c>get_device_info</c> and <c>set_device_info</c>, a strip's outlets through
/// <c>get_child_device_list</c> and <c>control_child</c>, and the countdown rules.
/// </summary>
internal sealed class SmartDialect : IKasaDialect
{
    // A strip lists a handful of outlets in one or two pages; a device that keeps paging without reaching its sum is broken.
    private const int MaxChildPages = 8;

    private readonly IKasaTransport transport;
    private readonly TimeProvider clock;
    private readonly string terminalUuid = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
    private string? model;
    private IReadOnlyList<OutletInfo>? stripOutlets;

    public SmartDialect(IKasaTransport transport)
        : this(transport, TimeProvider.System)
    {
    }

    internal SmartDialect(IKasaTransport transport, TimeProvider clock)
    {
        this.transport = transport;
        this.clock = clock;
    }

    public KasaDialect Kind => KasaDialect.Smart;

    private KasaEndpoint Endpoint => this.transport.Endpoint;

    public async Task<SysInfo> ReadAsync(CancellationToken cancellationToken)
    {
        var call = new SmartCall(SmartCall.GetDeviceInfo);
        DeviceInfoAnswer info;
        using (var answer = await SendAsync(call, cancellationToken, switchesNothing: true))
        {
            info = Typed(answer.Result(call, this.model), SmartJsonContext.Default.DeviceInfoAnswer, call);
        }

        this.model = info.Model;

        // The strip parent has no device_on of its own; its outlets are the list.
        var children = info.DeviceOn is null ? await ReadChildrenAsync(cancellationToken) : [];
        if (info.DeviceOn is null && children.Count == 0)
        {
            throw new KasaProtocolException(Endpoint, $"get_device_info of '{info.Model}' has neither device_on nor outlets; not a smart plug");
        }

        this.stripOutlets = children.Count > 0 ? children : null;
        return SmartSysInfo.From(info, children);
    }

    /// <summary>
    /// One request: <c>set_device_info</c> alone, or with a countdown as one <c>multipleRequest</c> of the switch, the removal of
    /// earlier rules and the new rule, in that order; for an outlet, wrapped in <c>control_child</c>.
    /// </summary>
    /// <remarks>
    /// A SMART strip has no relay of its own and refuses <c>device_on</c> on the parent (nothing switched); the whole strip is
    /// then switched outlet by outlet, as an IOT strip does for a command without context.
    /// </remarks>
    public async Task SwitchAsync(string? childId, bool on, TimeSpan? switchBackAfter, CancellationToken cancellationToken)
    {
        if (childId is not null)
        {
            await SwitchOneAsync(childId, on, switchBackAfter, cancellationToken);
            return;
        }

        if (this.stripOutlets is null)
        {
            try
            {
                await SwitchOneAsync(null, on, switchBackAfter, cancellationToken);
                return;
            }
            catch (KasaDeviceException refused) when (refused.ErrorCode == SmartErrorCode.BadParams && refused.Command == SmartCall.SetDeviceInfo)
            {
                if (!await IsStripAsync(cancellationToken))
                {
                    throw;
                }
            }
        }

        foreach (var outlet in this.stripOutlets!)
        {
            await SwitchOneAsync(outlet.Id, on, switchBackAfter, cancellationToken);
        }
    }

    /// <summary>The strip itself refused to route the request (not the outlet refusing the command): it has no such outlet.</summary>
    public bool IsUnknownChild(KasaDeviceException refusal) => refusal.Command == SmartCall.ControlChild && !refusal.IsTransient;

    private async Task SwitchOneAsync(string? childId, bool on, TimeSpan? switchBackAfter, CancellationToken cancellationToken)
    {
        try
        {
            await SendSwitchAsync(childId, on, switchBackAfter, cancellationToken);
        }
        catch (KasaDeviceException unknown) when (unknown.ErrorCode == SmartErrorCode.UnknownMethod && this.model is null)
        {
            // Nothing was read before the switch, so the model that lacks the method is learned now, for the message only.
            await NameTheModelAsync(cancellationToken);
            throw SmartErrorCode.ToException(Endpoint, unknown.Command, unknown.ErrorCode, this.model);
        }
    }

    /// <summary>Whether a refusal of device_on came from a strip parent; a device that cannot be read is reported by the refusal itself.</summary>
    private async Task<bool> IsStripAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadAsync(cancellationToken)).IsStrip;
        }
        catch (KasaException)
        {
            return false;
        }
    }

    private async Task NameTheModelAsync(CancellationToken cancellationToken)
    {
        var call = new SmartCall(SmartCall.GetDeviceInfo);
        try
        {
            using var answer = await SendAsync(call, cancellationToken, switchesNothing: true);
            this.model = Typed(answer.Result(call, null), SmartJsonContext.Default.DeviceInfoAnswer, call).Model;
        }
        catch (KasaException)
        {
            this.model = null;
        }
    }

    private async Task SendSwitchAsync(string? childId, bool on, TimeSpan? switchBackAfter, CancellationToken cancellationToken)
    {
        var set = new SmartCall(SmartCall.SetDeviceInfo, json => json.WriteBoolean("device_on", on));
        IReadOnlyList<SmartCall> calls = switchBackAfter is { } delay
            ?
            [
                set,
                new SmartCall(SmartCall.RemoveCountdownRules, json => json.WriteBoolean("remove_all", true)),
                new SmartCall(SmartCall.AddCountdownRule, json =>
                {
                    json.WriteNumber("delay", (int)Math.Ceiling(delay.TotalSeconds));
                    json.WriteStartObject("desired_states");
                    json.WriteBoolean("on", !on);
                    json.WriteEndObject();
                    json.WriteBoolean("enable", true);
                }),
            ]
            : [set];
        var call = calls.Count == 1 ? set : SmartCall.Multiple(calls);
        using var answer = await SendAsync(childId is null ? call : call.ForChild(childId), cancellationToken);
        var result = childId is null ? answer.Result(call, this.model) : answer.ChildResult(call.Method, this.model);
        if (calls.Count > 1)
        {
            answer.EnsureEachSucceeded(result, calls, this.model);
        }
    }

    private async Task<List<OutletInfo>> ReadChildrenAsync(CancellationToken cancellationToken)
    {
        var children = new List<ChildAnswer>();
        int? sum = null;
        for (var page = 0; page < MaxChildPages && children.Count < (sum ?? 1); page++)
        {
            var start = children.Count;
            var call = new SmartCall(SmartCall.GetChildDeviceList, json => json.WriteNumber("start_index", start));
            ChildListAnswer list;
            using (var answer = await SendAsync(call, cancellationToken, switchesNothing: true))
            {
                list = Typed(answer.Result(call, this.model), SmartJsonContext.Default.ChildListAnswer, call);
            }

            sum = list.Sum ?? throw new KasaProtocolException(Endpoint, "get_child_device_list answered without sum");
            var fresh = (list.Children ?? []).Where(c => !children.Exists(known => known.DeviceId == c.DeviceId)).ToList();
            if (fresh.Count == 0 && children.Count < sum)
            {
                break;
            }

            children.AddRange(fresh);
        }

        if (children.Count < (sum ?? 0))
        {
            throw new KasaProtocolException(Endpoint, $"the strip says it has {sum} outlets, but its child list pages stop at {children.Count}");
        }

        return SmartSysInfo.Outlets(Endpoint, children);
    }

    /// <summary>Sends one request; the caller checks the answer at the levels its call has, and disposes it.</summary>
    /// <param name="switchesNothing">True for a read, which the transport may send once more after a failure (<see cref="IKasaTransport.ReadAsync"/>).</param>
    private async Task<SmartAnswer> SendAsync(SmartCall call, CancellationToken cancellationToken, bool switchesNothing = false)
    {
        var request = SmartRequest.ToUtf8(call, this.clock.GetUtcNow().ToUnixTimeMilliseconds(), this.terminalUuid);
        var bytes = switchesNothing
            ? await this.transport.ReadAsync(request, cancellationToken)
            : await this.transport.SendAsync(request, cancellationToken);
        return SmartAnswer.Parse(Endpoint, bytes);
    }

    private T Typed<T>(JsonElement result, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, SmartCall call)
        where T : class
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new KasaProtocolException(Endpoint, $"{call} answered without a result object");
        }

        try
        {
            return result.Deserialize(type) ?? throw new KasaProtocolException(Endpoint, $"{call} answered null");
        }
        catch (JsonException e)
        {
            throw new KasaProtocolException(Endpoint, $"{call} has a field of the wrong kind: {e.Message}", e);
        }
    }
}
