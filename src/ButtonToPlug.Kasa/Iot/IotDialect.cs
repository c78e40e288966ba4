using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Iot;

/// <summary>
/// The IOT dialect over any transport: <c>system.get_sysinfo</c>, <c>system.set_relay_state</c> and the <c>count_down</c>
/// rules, with strip outlets addressed through <c>context.child_ids</c>.
/// </summary>
internal sealed class IotDialect : IKasaDialect
{
    /// <summary>What an IOT strip answers for a child id it does not have ("entry not exist"); it switched nothing.</summary>
    public const int EntryNotExist = -14;

    private readonly IKasaTransport transport;

    public IotDialect(IKasaTransport transport)
    {
        this.transport = transport;
    }

    public KasaDialect Kind => KasaDialect.Iot;

    public async Task<SysInfo> ReadAsync(CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(new IotRequest().Add(IotMethod.GetSysInfo), cancellationToken, switchesNothing: true);
        return SysInfoReader.Read(this.transport.Endpoint, answer.Result(IotMethod.GetSysInfo));
    }

    /// <summary>One request: the switch, then (for a countdown) the rules, which the device runs in that order.</summary>
    public async Task SwitchAsync(string? childId, bool on, TimeSpan? switchBackAfter, CancellationToken cancellationToken)
    {
        using (await SendAsync(SetRequest(childId, on, switchBackAfter), cancellationToken))
        {
        }
    }

    public bool IsUnknownChild(KasaDeviceException refusal) => refusal.ErrorCode == EntryNotExist;

    /// <summary>Sends one request and checks every method's err_code; the caller disposes the answer.</summary>
    /// <param name="switchesNothing">True for a read, which the transport may send once more after a failure (<see cref="IKasaTransport.ReadAsync"/>).</param>
    internal async Task<IotAnswer> SendAsync(IotRequest request, CancellationToken cancellationToken, bool switchesNothing = false)
    {
        var bytes = switchesNothing
            ? await this.transport.ReadAsync(request.ToUtf8(), cancellationToken)
            : await this.transport.SendAsync(request.ToUtf8(), cancellationToken);
        var answer = IotAnswer.Parse(this.transport.Endpoint, bytes);
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

    /// <summary>The switch, as <see cref="SwitchAsync"/> sends it.</summary>
    internal static IotRequest SetRequest(string? childId, bool on, TimeSpan? switchBackAfter)
    {
        var request = new IotRequest(childId);
        request.Add(IotMethod.SetRelayState, json => json.WriteNumber("state", on ? 1 : 0));
        if (switchBackAfter is { } delay)
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
