using System.CommandLine;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Cli;

/// <summary>The options every `plug` subcommand takes: where the plug is, which outlet, how long to wait, how to print.</summary>
internal sealed class PlugOptions
{
    private const double MaxTimeoutSeconds = 3600;

    public Option<string> Host { get; } = new("--host")
    {
        Description = "The plug's address: its LAN IP, or the router's public name/IP in front of a port-forward.",
        Required = true,
        Recursive = true,
        CustomParser = OptionValues.Host,
    };

    public Option<int> Port { get; } = new("--port")
    {
        Description = "The TCP port (the forwarded external port when going through a router).",
        DefaultValueFactory = _ => KasaEndpoint.LegacyPort,
        CustomParser = OptionValues.Port,
        Recursive = true,
    };

    public Option<PlugOutlet?> Outlet { get; } = new("--outlet")
    {
        Description = "For power strips (HS300, KP303, KP400, HS107): the outlet, as a 0-based index or a full child id.",
        CustomParser = result =>
        {
            var text = OptionValues.Text(result);
            if (PlugOutlet.TryParse(text, out var outlet))
            {
                return outlet;
            }

            result.AddError($"--outlet '{text}' is not an outlet: give a 0-based index like 2, or a strip's full child id (see plug info)");
            return null;
        },
        Recursive = true,
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds allowed for each answer, connect included.",
        DefaultValueFactory = _ => 3,
        CustomParser = result => OptionValues.Seconds(result, MaxTimeoutSeconds),
        Recursive = true,
    };

    public Option<ProtocolSetting> Protocol { get; } = new("--protocol")
    {
        HelpName = ProtocolSettingText.Choices,
        // No DefaultValueFactory: help would print the enum's own spelling; absent is Auto, the enum's first value.
        Description = "xor (legacy firmware, port 9999), klap (newer Kasa and Tapo firmware, port 80), aes (older Tapo firmware, "
            + "port 80; 80 is then the default port) or auto: probe the port with all three at once and use the one that answers. [default: auto]",
        CustomParser = result =>
        {
            var text = OptionValues.Text(result);
            if (ProtocolSettingText.TryParse(text, out var protocol))
            {
                return protocol;
            }

            result.AddError($"--protocol '{text}' is not a protocol: give one of {ProtocolSettingText.Choices}");
            return ProtocolSetting.Auto;
        },
        Recursive = true,
    };

    public Option<string> Username { get; } = new("--username")
    {
        Description = "KLAP and AES plugs: the e-mail of the TP-Link account the plug is bound to (with --password-env). "
            + "Without both, TP-Link's default and blank credentials are tried.",
        CustomParser = result => OptionValues.NotBlank(result, "the TP-Link account's e-mail address"),
        Recursive = true,
    };

    public Option<string> PasswordEnv { get; } = new("--password-env")
    {
        Description = "KLAP and AES plugs: the NAME of an environment variable that holds the account password. "
            + "The password itself is never taken on the command line, where the process list and shell history would show it.",
        HelpName = "VAR",
        CustomParser = result => OptionValues.NotBlank(result, "the name of the environment variable that holds the password"),
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON object instead of text.",
        Recursive = true,
    };

    /// <summary>The account from --username and the variable --password-env names, or null when neither is given.</summary>
    /// <remarks>Only called after <see cref="ValidateCredentials"/> passed.</remarks>
    public KasaCredentials? Credentials(ParseResult parsed) =>
        parsed.GetValue(Username) is { } username && parsed.GetValue(PasswordEnv) is { } variable
            ? new KasaCredentials(username.Trim(), Environment.GetEnvironmentVariable(variable) ?? "")
            : null;

    /// <summary>
    /// The port given, or the protocol's own: 80 for KLAP and AES, 9999 otherwise.
    /// </summary>
    public int PortFor(ParseResult parsed) =>
        parsed.GetResult(Port) is null or { Implicit: true } && parsed.GetValue(Protocol).UsesHttp()
            ? KlapTransport.DefaultPort
            : parsed.GetValue(Port);

    /// <summary>--username and --password-env go together, and the variable must be set.</summary>
    /// <remarks>
    /// Reads the options' tokens, not their values: a value its own parser refused throws when read, and that refusal is
    /// already the one usage error to report.
    /// </remarks>
    public void ValidateCredentials(System.CommandLine.Parsing.CommandResult result)
    {
        var username = result.GetResult(Username);
        var variable = result.GetResult(PasswordEnv);
        if ((username is null) != (variable is null))
        {
            result.AddError("--username and --password-env go together: give both for a KLAP or AES plug bound to an account, or neither");
        }
        else if (variable is { Tokens: [{ Value: { Length: > 0 } name }] } && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            result.AddError($"--password-env {name}: the environment variable {name} is not set or empty");
        }
    }
}
