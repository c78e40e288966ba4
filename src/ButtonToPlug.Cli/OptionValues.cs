using System.CommandLine.Parsing;
using System.Globalization;

namespace ButtonToPlug.Cli;

/// <summary>
/// Parsers for option values. Each bad value becomes one usage error that names the option, quotes the value and says what
/// is allowed; System.CommandLine's own conversion would throw from a validator instead, and crash the process.
/// </summary>
internal static class OptionValues
{
    public static int Port(ArgumentResult result)
    {
        var text = Text(result);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        result.AddError($"{Name(result)} '{text}' is not a port: give a whole number from 1 to 65535");
        return 0;
    }

    public static double Seconds(ArgumentResult result, double most)
    {
        var text = Text(result);
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= most)
        {
            return seconds;
        }

        result.AddError(string.Create(
            CultureInfo.InvariantCulture, $"{Name(result)} '{text}' is not a number of seconds above 0 and at most {most}, like 3 or 1.5"));
        return 0;
    }

    /// <summary>A DNS name or an IP address, as a plug's host or a router's public name.</summary>
    public static string Host(ArgumentResult result)
    {
        var text = Text(result).Trim();
        if (Uri.CheckHostName(text) != UriHostNameType.Unknown)
        {
            return text;
        }

        result.AddError($"{Name(result)} '{Text(result)}' is not a host: give the plug's IP address or a DNS name, like 192.168.1.50 or home.example.net");
        return "";
    }

    /// <summary>Text that must not be blank, such as an account name or an environment variable's name.</summary>
    public static string NotBlank(ArgumentResult result, string what)
    {
        var text = Text(result);
        if (!string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        result.AddError($"{Name(result)} '{text}' is empty: give {what}");
        return "";
    }

    public static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
