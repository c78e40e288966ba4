using ButtonToPlug.Actions;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Plug;

/// <summary>
/// Runs one click's action on the plug the settings name, over a transport made for each attempt (no connection outlives it),
/// and reports the relay change. One lives as long as its <see cref="Function"/>, the warm function, and owns what that
/// function remembers about plugs.
/// </summary>
internal sealed class PlugCommander
{
    // A deliberate cache for the warm function: per endpoint, which transport (XOR, KLAP, AES) answered (protocol auto) and what
    // a KLAP plug showed about itself (a session per request, a reply signature already reported).
    private readonly KasaTransportFactory transports = new();

    // A deliberate cache for the warm function too: per endpoint the dialect (IOT or SMART) that answered, and the full child id
    // each outlet setting resolved to, so on and off send the switch command first with nothing read before it.
    private readonly KasaDeviceMemory devices = new();

    /// <param name="warnings">Where a retry, and anything odd the plug did that did not fail the click, is noted for the click's log line.</param>
    /// <exception cref="FunctionException">PlugUnreachable, PlugError, ProtocolError, or ConfigurationError (outlet, credentials).</exception>
    public async Task<RelayChange> RunAsync(PlugSettings settings, ClickAction action, InvocationDeadline deadline, ICollection<string> warnings)
    {
        var endpoint = new KasaEndpoint(settings.Host, settings.Port);
        var cancellationToken = deadline.Token;
        var attemptCost = PlugRetryRule.AttemptCost(settings, action);
        KasaException? firstFailure = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await SwitchAsync(endpoint, settings, action, warnings, cancellationToken);
                }
                catch (KasaException failure) when (PlugRetryRule.MayRetry(failure, action, attempt, deadline.Remaining, attemptCost))
                {
                    firstFailure ??= failure;
                    // Whether a second attempt could double the press is decided in PlugRetryRule, and only there.
                    var sent = failure is KasaUnreachableException { RequestSent: false } ? "before anything was sent" : "after the request went out";
                    warnings.Add($"attempt {attempt} failed {sent} ({settings.DisplayEndpoint}: {KasaFailure.Reason(failure, settings)}); {action} tried again");
                    await Task.Delay(PlugRetryRule.Pause, cancellationToken);
                }
            }
        }
        catch (KasaException failure)
        {
            throw KasaFailure.ToFunctionException(failure, settings);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A retry the deadline cut short says less than the failure that made it necessary.
            throw firstFailure is null ? KasaFailure.DeadlineReached(settings) : KasaFailure.ToFunctionException(firstFailure, settings);
        }
    }

    private async Task<RelayChange> SwitchAsync(
        KasaEndpoint endpoint, PlugSettings settings, ClickAction action, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        await using var transport = this.transports.Create(
            endpoint, settings.Protocol, settings.Credentials, settings.Timeout, notice => warnings.Add(settings.Secrets.Apply(notice)));
        var client = new KasaClient(transport, this.devices);
        return action switch
        {
            { SwitchBackAfter: { } after } => await client.SwitchWithCountdownAsync(action.Kind == SwitchKind.On, after, settings.Outlet, cancellationToken),
            { Kind: SwitchKind.On } => await client.SwitchAsync(RelayAction.On, settings.Outlet, cancellationToken),
            { Kind: SwitchKind.Off } => await client.SwitchAsync(RelayAction.Off, settings.Outlet, cancellationToken),
            _ => await client.SwitchAsync(RelayAction.Toggle, settings.Outlet, cancellationToken),
        };
    }
}
