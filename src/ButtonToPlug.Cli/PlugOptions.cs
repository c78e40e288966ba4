using System.CommandLine;
using ButtonToPlug.Kasa;

namespace ButtonToPlug.Cli;

/// <summary>The options every `plug` subcommand takes: where the plug is, which outlet, how long to wait, how to print.</summary>
internal sealed class PlugOptions
{
    public Option<string> Host { get; } = new("--host")
    {
        Description = "The plug's address: its LAN IP, or the router's public name/IP in front of a port-forward.",
        Required = true,
        Recursive = true,
    };

    public Option<int> Port { get; } = new("--port")
    {
        Description = "The TCP port (the forwarded external port when going through a router).",
        DefaultValueFactory = _ => KasaEndpoint.LegacyPort,
        Recursive = true,
    };

    public Option<PlugOutlet?> Outlet { get; } = new("--outlet")
    {
        Description = "For power strips (HS300, KP303, KP400, HS107): the outlet, as a 0-based index or a full child id.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (PlugOutlet.TryParse(text, out var outlet))
            {
                return outlet;
            }

            result.AddError($"--outlet '{text}' is neither a 0-based index nor a child id");
            return null;
        },
        Recursive = true,
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds allowed for each answer, connect included.",
        DefaultValueFactory = _ => 3,
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON object instead of text.",
        Recursive = true,
    };

    public PlugOptions()
    {
        Port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError("--port must be between 1 and 65535");
            }
        });
        Timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 3600))
            {
                result.AddError("--timeout must be a number of seconds above 0 and at most 3600");
            }
        });
    }
}
