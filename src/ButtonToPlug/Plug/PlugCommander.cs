using ButtonToPlug.Actions;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Plug;

/// <summary>Runs one click's action on the plug the settings name, over a fresh connection, and reports the relay change.</summary>
internal static class PlugCommander
{
    // A deliberate cache for the warm function: with protocol auto it remembers per endpoint whether XOR or KLAP answered.
    private static readonly KasaTransportFactory Transports = new();

    /// <exception cref="FunctionException">PlugUnreachable, PlugError, ProtocolError, or ConfigurationError (outlet, credentials).</exception>
    public static async Task<RelayChange> RunAsync(PlugSettings settings, ClickAction action, CancellationToken cancellationToken)
    {
        var endpoint = new KasaEndpoint(settings.Host, settings.Port);
        try
        {
            try
            {
                return await SwitchAsync(endpoint, settings, action, cancellationToken);
            }
            catch (KasaUnreachableException failure) when (MayRetry(failure, action) && !cancellationToken.IsCancellationRequested)
            {
                // Retry rule (issue 5): once, and only where a second attempt cannot double the press. If the failed request
                // never left (resolve or connect failed) nothing happened yet; on and off set an explicit state, so repeating
                // them is harmless. A toggle whose request went out is never repeated: the plug may already have flipped.
                return await SwitchAsync(endpoint, settings, action, cancellationToken);
            }
        }
        catch (KasaException failure)
        {
            throw KasaFailure.ToFunctionException(failure, settings);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw KasaFailure.DeadlineReached(settings);
        }
    }

    private static bool MayRetry(KasaUnreachableException failure, ClickAction action) =>
        !failure.RequestSent || action.Kind != SwitchKind.Toggle;

    private static async Task<RelayChange> SwitchAsync(KasaEndpoint endpoint, PlugSettings settings, ClickAction action, CancellationToken cancellationToken)
    {
        await using var transport = Transports.Create(endpoint, settings.Protocol, settings.Credentials, settings.Timeout);
        var client = new KasaClient(transport);
        return action switch
        {
            { SwitchBackAfter: { } after } => await client.SwitchWithCountdownAsync(action.Kind == SwitchKind.On, after, settings.Outlet, cancellationToken),
            { Kind: SwitchKind.On } => await client.SwitchAsync(RelayAction.On, settings.Outlet, cancellationToken),
            { Kind: SwitchKind.Off } => await client.SwitchAsync(RelayAction.Off, settings.Outlet, cancellationToken),
            _ => await client.SwitchAsync(RelayAction.Toggle, settings.Outlet, cancellationToken),
        };
    }
}
