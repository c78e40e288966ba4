using System.Globalization;
using ButtonToPlug.Actions;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Settings;

/// <summary>
/// Turns raw setting values into <see cref="PlugSettings"/>, or one <see cref="ErrorTypes.ConfigurationError"/> that lists
/// every missing or malformed setting by name, with how to fix it. SecureString values are never quoted.
/// </summary>
internal static class SettingsValidator
{
    /// <summary>Past this a click waits too long to feel connected to the press, and a Lambda timeout comes close.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);

    public static PlugSettings Validate(RawSettings raw, ISettingsOrigin origin)
    {
        var problems = new List<string>();
        var secrets = raw.Secrets();
        // A password or webhook token stored as a plain String is still a secret: it is masked like a SecureString everywhere.
        string[] plainSecrets = [.. new[] { SettingNames.Password, SettingNames.WebhookToken }
            .Where(name => raw.Values.ContainsKey(name) && !raw.SecureNames.Contains(name))
            .Select(name => raw.Values[name])];
        if (plainSecrets.Length > 0)
        {
            secrets = new Redactor([.. raw.SecureNames.Select(name => raw.Values.GetValueOrDefault(name, "")), .. plainSecrets]);
        }

        var protocol = Read(raw, origin, problems, SettingNames.Protocol, ProtocolSetting.Auto, "auto", ProtocolSettingText.Choices, ProtocolSettingText.TryParse);
        var host = ReadHost(raw, origin, problems);
        var port = Read(
            raw, origin, problems, SettingNames.Port, protocol.UsesHttp() ? KlapTransport.DefaultPort : PlugSettings.DefaultPort,
            "9999", "a TCP port from 1 to 65535", TryParsePort);
        var outlet = Read<PlugOutlet?>(raw, origin, problems, SettingNames.Outlet, null, "0", "a 0-based outlet index or a full child id", TryParseOutlet);
        var single = ReadAction(raw, origin, problems, SettingNames.Single, ClickAction.Toggle);
        var @double = ReadAction(raw, origin, problems, SettingNames.Double, ClickAction.On);
        var @long = ReadAction(raw, origin, problems, SettingNames.Long, ClickAction.Off);
        var timeout = Read(raw, origin, problems, SettingNames.Timeout, PlugSettings.DefaultTimeout, "3", "seconds from 0.1 to 30, like 3 or 1.5", TryParseTimeout);
        var credentials = ReadCredentials(raw, origin, problems);
        var webhookToken = ReadWebhookToken(raw, origin, problems);

        var unknown = UnknownKeys(raw, origin);
        if (problems.Count > 0)
        {
            // A misspelt key often is the missing one ("hots" for host): the error names it too.
            var lead = raw.Values.Count == 0 ? $"{origin.WhenEmpty}: " : "";
            throw new FunctionException(ErrorTypes.ConfigurationError, secrets.Apply(lead + string.Join("; ", [.. problems, .. unknown])));
        }

        return new PlugSettings(host!, port, outlet, single, @double, @long, timeout, secrets)
        {
            Protocol = protocol,
            Credentials = credentials,
            Warnings = unknown,
            SecureNames = raw.SecureNames,
            WebhookToken = webhookToken,
        };
    }

    /// <summary>The HTTPS callers' bearer token: absent turns HTTPS clicks off; present, it must be long enough not to be guessed.</summary>
    private static WebhookToken? ReadWebhookToken(RawSettings raw, ISettingsOrigin origin, List<string> problems)
    {
        if (!raw.Values.TryGetValue(SettingNames.WebhookToken, out var text))
        {
            return null;
        }

        // The caller's header value is trimmed too; a token is never quoted, not even its length.
        var token = text.Trim();
        if (token.Length < WebhookToken.MinLength)
        {
            problems.Add($"{origin.Name(SettingNames.WebhookToken)} is shorter than {WebhookToken.MinLength} characters: "
                + "make one with `openssl rand -hex 32` and store it as a SecureString");
            return null;
        }

        return new WebhookToken(token);
    }

    /// <summary>
    /// One warning per key that is no setting: a misspelt key would otherwise be silently ignored and its default used.
    /// Both the settings file and the parameters under the SSM path pass through here.
    /// </summary>
    private static List<string> UnknownKeys(RawSettings raw, ISettingsOrigin origin) =>
    [
        .. raw.Values.Keys
            .Where(key => !SettingNames.All.Contains(key, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(key => $"{origin.Name(key)} is not a setting and is ignored: the known ones are {string.Join(", ", SettingNames.All)}"),
    ];

    /// <summary>The TP-Link account for KLAP and AES plugs: both parameters or neither (then the default and blank credentials are tried).</summary>
    private static KasaCredentials? ReadCredentials(RawSettings raw, ISettingsOrigin origin, List<string> problems)
    {
        var hasUser = raw.Values.TryGetValue(SettingNames.Username, out var username);
        var hasPassword = raw.Values.TryGetValue(SettingNames.Password, out var password);
        if (hasUser && hasPassword)
        {
            // Only the e-mail is trimmed: a password may begin or end with a space.
            return new KasaCredentials(username!.Trim(), password!);
        }

        if (hasUser || hasPassword)
        {
            problems.Add($"{origin.Name(hasUser ? SettingNames.Username : SettingNames.Password)} is set but "
                + $"{origin.Name(hasUser ? SettingNames.Password : SettingNames.Username)} is not: a KLAP or AES plug needs the TP-Link account "
                + "e-mail and password together (the password as a SecureString), or neither to try TP-Link's default and blank credentials");
        }

        return null;
    }

    private static string? ReadHost(RawSettings raw, ISettingsOrigin origin, List<string> problems)
    {
        if (!raw.Values.TryGetValue(SettingNames.Host, out var text))
        {
            problems.Add($"{origin.Name(SettingNames.Host)} is missing: {origin.HowToSet(SettingNames.Host, "<router-public-name>", exists: false)}");
            return null;
        }

        var host = text.Trim();
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            problems.Add($"{origin.Name(SettingNames.Host)} {Show(raw, SettingNames.Host, text)} is not a host name or IP address "
                + $"(no scheme, no port: the port goes in {origin.Name(SettingNames.Port)}): "
                + origin.HowToSet(SettingNames.Host, "<router-public-name>", exists: true));
            return null;
        }

        return host;
    }

    private static ClickAction ReadAction(RawSettings raw, ISettingsOrigin origin, List<string> problems, string key, ClickAction fallback)
    {
        if (!raw.Values.TryGetValue(key, out var text))
        {
            return fallback;
        }

        if (ClickAction.TryParse(text, out var action, out var problem))
        {
            return action;
        }

        // The parser's problem quotes the text; for a SecureString the caller's redaction masks it.
        problems.Add($"{origin.Name(key)}: {problem}: {origin.HowToSet(key, fallback.ToString(), exists: true)}");
        return fallback;
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static T Read<T>(
        RawSettings raw, ISettingsOrigin origin, List<string> problems, string key, T fallback, string example, string expected, TryParser<T> parse)
    {
        if (!raw.Values.TryGetValue(key, out var text))
        {
            return fallback;
        }

        if (parse(text.Trim(), out var value))
        {
            return value;
        }

        problems.Add($"{origin.Name(key)} {Show(raw, key, text)} is not {expected}: {origin.HowToSet(key, example, exists: true)}");
        return fallback;
    }

    private static string Show(RawSettings raw, string key, string text) =>
        raw.SecureNames.Contains(key) ? Redactor.Mask : Quote.Of(text);

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    private static bool TryParseOutlet(string text, out PlugOutlet? outlet)
    {
        var parsed = PlugOutlet.TryParse(text, out var value);
        outlet = value;
        return parsed;
    }

    private static bool TryParseTimeout(string text, out TimeSpan timeout)
    {
        timeout = default;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        timeout = TimeSpan.FromSeconds(seconds);
        return timeout >= MinTimeout && timeout <= MaxTimeout;
    }
}
