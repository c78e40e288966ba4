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
            CustomParser = result => OptionValues.Seconds(result, 600),
        };
        Option<IPAddress> address = new("--address")
        {
            Description = "Where to ask: the broadcast address (default 255.255.255.255), a subnet's broadcast, or one plug's IP.",
            DefaultValueFactory = _ => IPAddress.Broadcast,
            CustomParser = result =>
            {
                var text = OptionValues.Text(result);
                if (IPAddress.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--address '{text}' is not an IP address: give a broadcast address like 192.168.1.255, or one plug's IP");
                return IPAddress.None;
            },
        };
        Option<int> port = new("--port")
        {
            Description = "The UDP port plugs listen on.",
            DefaultValueFactory = _ => KasaEndpoint.LegacyPort,
            CustomParser = OptionValues.Port,
        };
        Option<bool> json = new("--json") { Description = "Print one JSON array instead of text." };
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

                // Nothing answering is what a script must notice: the plug is off the network, or broadcast is blocked.
                return found.Count == 0 ? ExitCodes.Unreachable : ExitCodes.Success;
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
