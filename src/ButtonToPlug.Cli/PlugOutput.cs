using System.Globalization;
using System.Text;
using System.Text.Json;
using ButtonToPlug.Kasa;

namespace ButtonToPlug.Cli;

/// <summary>What `plug` prints on stdout: short text for people, or one JSON object with `--json`.</summary>
internal static class PlugOutput
{
    public static Task WriteInfoAsync(KasaEndpoint endpoint, SysInfo info, bool json)
    {
        if (json)
        {
            return Console.Out.WriteLineAsync(JsonSerializer.Serialize(new InfoJson(endpoint.Host, endpoint.Port, info), CliJsonContext.Default.InfoJson));
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{endpoint}  {info.Model}  '{info.Alias}'  {OnOff(info.IsOn)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  type {info.DeviceType}, on for {info.OnTimeSeconds} s, led {(info.LedOff ? "off" : "on")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  deviceId {info.DeviceId}, mac {info.Mac}, sw {info.SoftwareVersion}, hw {info.HardwareVersion}");
        for (var i = 0; i < info.Children.Count; i++)
        {
            var outlet = info.Children[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"  outlet {i}  {OnOff(outlet.IsOn),-3}  '{outlet.Alias}'  id {outlet.Id}");
        }

        return Console.Out.WriteAsync(text.ToString());
    }

    public static Task WriteChangeAsync(KasaEndpoint endpoint, RelayAction action, PlugOutlet? outlet, RelayChange change, bool json)
    {
        var name = action.ToString().ToLowerInvariant();
        if (json)
        {
            var result = new SwitchJson(endpoint.Host, endpoint.Port, name, outlet?.ToString(), change.ChildId, change.WasOn is { } was ? OnOff(was) : null, OnOff(change.IsOn));
            return Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, CliJsonContext.Default.SwitchJson));
        }

        var where = outlet is null ? endpoint.ToString() : $"{endpoint} outlet {outlet}";
        // On and off read nothing before switching (a person is waiting at the lamp), so only a toggle knows the state before.
        var before = change.WasOn is { } wasOn ? $"{OnOff(wasOn)} -> " : "now ";
        return Console.Out.WriteLineAsync($"{where}: {name}: {before}{OnOff(change.IsOn)}");
    }

    public static string OnOff(bool on) => on ? "on" : "off";
}
