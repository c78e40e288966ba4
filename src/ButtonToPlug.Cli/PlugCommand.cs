using System.CommandLine;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Cli;

/// <summary>`buttontoplug plug info|on|off|toggle`: one plug, directly, over XOR, KLAP or AES.</summary>
internal static class PlugCommand
{
    public static Command Create()
    {
        var options = new PlugOptions();
        var plug = new Command("plug", "Talk to one plug directly (on the LAN, or from outside through the port-forward to prove it works).")
        {
            options.Host,
            options.Port,
            options.Outlet,
            options.Timeout,
            options.Protocol,
            options.Username,
            options.PasswordEnv,
            options.Json,
        };

        var info = new Command("info", "Print what the plug says about itself (get_sysinfo).");
        info.Validators.Add(options.ValidateCredentials);
        info.SetAction((parsed, cancellationToken) => InfoAsync(options, parsed, cancellationToken));
        plug.Subcommands.Add(info);
        foreach (var (name, action, description) in new[]
        {
            ("on", RelayAction.On, "Switch the relay on."),
            ("off", RelayAction.Off, "Switch the relay off."),
            ("toggle", RelayAction.Toggle, "Read the relay state, then set the other one."),
        })
        {
            var command = new Command(name, description);
            command.Validators.Add(options.ValidateCredentials);
            command.SetAction((parsed, cancellationToken) => SwitchAsync(options, action, parsed, cancellationToken));
            plug.Subcommands.Add(command);
        }

        return plug;
    }

    private static async Task<int> InfoAsync(PlugOptions options, ParseResult parsed, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = Endpoint(options, parsed);
            await using var transport = Transport(options, parsed, endpoint);
            var info = await new KasaClient(transport).GetSysInfoAsync(cancellationToken);
            var outlet = parsed.GetValue(options.Outlet);
            if (outlet is not null)
            {
                // Checked so that `plug info --outlet 7` fails like `plug on --outlet 7` would, instead of ignoring it.
                _ = outlet.ResolveIn(info, endpoint);
            }

            await PlugOutput.WriteInfoAsync(endpoint, info, parsed.GetValue(options.Json));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await Failure.ReportAsync(e);
        }
    }

    private static async Task<int> SwitchAsync(PlugOptions options, RelayAction action, ParseResult parsed, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = Endpoint(options, parsed);
            await using var transport = Transport(options, parsed, endpoint);
            var outlet = parsed.GetValue(options.Outlet);
            var change = await new KasaClient(transport).SwitchAsync(action, outlet, cancellationToken);
            await PlugOutput.WriteChangeAsync(endpoint, action, outlet, change, parsed.GetValue(options.Json));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await Failure.ReportAsync(e);
        }
    }

    private static KasaEndpoint Endpoint(PlugOptions options, ParseResult parsed) =>
        new(parsed.GetRequiredValue(options.Host), options.PortFor(parsed));

    private static IKasaTransport Transport(PlugOptions options, ParseResult parsed, KasaEndpoint endpoint) =>
        new KasaTransportFactory().Create(
            endpoint,
            parsed.GetValue(options.Protocol),
            options.Credentials(parsed),
            TimeSpan.FromSeconds(parsed.GetValue(options.Timeout)),
            notice => Console.Error.WriteLine($"buttontoplug: warning: {notice}"));
}
