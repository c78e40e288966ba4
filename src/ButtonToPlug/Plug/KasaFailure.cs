using System.Globalization;
using ButtonToPlug.Kasa;
using ButtonToPlug.Kasa.Transport;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Plug;

/// <summary>Turns a Kasa library failure into the errorType and message a button owner can act on.</summary>
internal static class KasaFailure
{
    public static FunctionException ToFunctionException(KasaException failure, PlugSettings settings)
    {
        var (errorType, advice) = failure switch
        {
            KasaUnreachableException => (ErrorTypes.PlugUnreachable,
                $"check that {settings.DisplayHost} is your router's current public name or address, that the router forwards "
                + $"TCP port {DisplayPort(settings)} to the plug's {PlugPort(settings)}, and that the plug is powered and on Wi-Fi"),
            KasaDeviceException => (ErrorTypes.PlugError,
                "the plug refused the command; check the outlet setting and that the plug works in the Kasa or Tapo app"),
            KasaProtocolException => (ErrorTypes.ProtocolError,
                $"check that port {DisplayPort(settings)} is forwarded to the plug and not to another device; plugs with newer firmware "
                + "speak only the authenticated KLAP or AES protocol on port 80 (set the protocol parameter to auto, klap or aes)"),
            KasaOutletException => (ErrorTypes.ConfigurationError,
                "fix the outlet parameter (a 0-based index or a full child id), or delete it to switch the whole device"),
            KasaAuthenticationException => (ErrorTypes.ConfigurationError,
                "the plug speaks KLAP or AES and wants the TP-Link account it is bound to: set the username parameter and the password "
                + "parameter (as a SecureString) to that account's e-mail and password"),
            _ => (ErrorTypes.ProtocolError, "unexpected plug failure"),
        };
        // No inner exception: the library's words are in the message already, and its own message names the host unmasked.
        return new FunctionException(errorType, $"{settings.DisplayEndpoint}: {Reason(failure, settings)}; {advice}")
        {
            NothingSent = failure is KasaUnreachableException { RequestSent: false },
        };
    }

    private static string DisplayPort(PlugSettings settings) => settings.DisplayPort?.ToString(CultureInfo.InvariantCulture) ?? Redactor.Mask;

    private static string PlugPort(PlugSettings settings) => settings.Protocol switch
    {
        ProtocolSetting.Klap or ProtocolSetting.Aes => $"port {KlapTransport.DefaultPort}",
        ProtocolSetting.Xor => $"port {KasaEndpoint.LegacyPort}",
        _ => $"port {KasaEndpoint.LegacyPort} (port {KlapTransport.DefaultPort} for plugs on KLAP or AES firmware)",
    };

    public static FunctionException DeadlineReached(PlugSettings settings) => new(ErrorTypes.PlugUnreachable,
        $"{settings.DisplayEndpoint}: the plug did not finish before the invocation's deadline; check the port-forward and "
        + "the plug's power, or lower the timeout parameter so a slow plug is reported sooner");

    /// <summary>
    /// The library's words without its endpoint (the caller puts the masked one in front). They can quote the outlet
    /// setting ("has no outlet 7"), so a SecureString outlet is masked in them.
    /// </summary>
    public static string Reason(KasaException failure, PlugSettings settings) => settings.Secrets.Apply(failure.Reason);
}
