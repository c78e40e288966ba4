using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ButtonToPlug.Kasa;

namespace ButtonToPlug.Cli;

/// <summary>`buttontoplug discover`: asks the local network (UDP broadcast on 9999) and lists the plugs that answer.</summary>
internal static class DiscoverCommand
{
    public static Command Create()
    {
        Option<double> timeout = new("--timeout")
        {
            Description = "Seconds to collect answers.",
            DefaultValueFactory = _ => 3,
        };
        Option<IPAddress> address = new("--address")
        {
            Description = "Where to ask: the broadcast address (default 255.255.255.255), a subnet's broadcast, or one plug's IP.",
            DefaultValueFactory = _ => IPAddress.Broadcast,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (IPAddress.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--address '{text}' is not an IP address");
                return IPAddress.None;
            },
        };
        Option<int> port = new("--port")
        {
            Description = "The UDP port plugs listen on.",
            DefaultValueFactory = _ => KasaEndpoint.LegacyPort,
        };
        Option<bool> json = new("--json") { Description = "Print one JSON array instead of text." };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 600))
            {
                result.AddError("--timeout must be a number of seconds above 0 and at most 600");
            }
        });
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError("--port must be between 1 and 65535");
            }
        });

        var discover = new Command("discover", "Find plugs on the local network and print host, model, alias and relay state.")
        {
            timeout,
            address,
            port,
            json,
        };
        discover.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var target = new IPEndPoint(parsed.GetRequiredValue(address), parsed.GetValue(port));
                var window = TimeSpan.FromSeconds(parsed.GetValue(timeout));
                var found = await KasaDiscovery.DiscoverAsync(target, window, cancellationToken);
                await WriteAsync(found, window, parsed.GetValue(json));
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return await Failure.ReportAsync(e);
            }
        });
        return discover;
    }

    private static async Task WriteAsync(IReadOnlyList<DiscoveredPlug> found, TimeSpan window, bool json)
    {
        if (json)
        {
            var list = found.Select(p => new DiscoveredJson(p.Endpoint.Host, p.Endpoint.Port, p.SysInfo.Model, p.SysInfo.Alias, p.SysInfo.DeviceType, p.SysInfo.IsOn, p.SysInfo.Children.Count)).ToList();
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(list, CliJsonContext.Default.ListDiscoveredJson));
            return;
        }

        if (found.Count == 0)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"buttontoplug: no plug answered within {window.TotalSeconds:0.###} s"));
            return;
        }

        foreach (var plug in found)
        {
            var outlets = plug.SysInfo.IsStrip ? $"  ({plug.SysInfo.Children.Count} outlets)" : "";
            await Console.Out.WriteLineAsync($"{plug.Endpoint}  {plug.SysInfo.Model}  '{plug.SysInfo.Alias}'  {PlugOutput.OnOff(plug.SysInfo.IsOn)}{outlets}");
        }
    }
}
