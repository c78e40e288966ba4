using ButtonToPlug.Events;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Https;

/// <summary>Lets an HTTPS click through only with the token of <c>&lt;path&gt;/webhook-token</c>; every other source passes untouched.</summary>
internal static class WebhookGate
{
    /// <exception cref="FunctionException">Unauthorized: HTTPS clicks are off, or the token is not the right one.</exception>
    public static void Authenticate(ButtonEvent buttonEvent, PlugSettings settings)
    {
        if (buttonEvent.Source != EventSource.Https)
        {
            return;
        }

        if (settings.WebhookToken is not { } expected)
        {
            throw new FunctionException(ErrorTypes.Unauthorized,
                $"HTTPS clicks are off: there is no {SettingNames.WebhookToken} parameter under the settings path "
                + $"(a SecureString of at least {WebhookToken.MinLength} characters turns them on)");
        }

        if (buttonEvent.Caller is not { } presented || !expected.Accepts(presented))
        {
            throw new FunctionException(ErrorTypes.Unauthorized, $"the token is not the one in the {SettingNames.WebhookToken} parameter");
        }
    }
}
