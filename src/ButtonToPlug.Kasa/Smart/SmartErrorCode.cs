namespace ButtonToPlug.Kasa.Smart;

/// <summary>
/// The SMART <c>error_code</c> values the device layer tells apart (public clients agree on them), and the failure each one is.
/// </summary>
internal static class SmartErrorCode
{
    public const int Unspecific = -1001;
    public const int UnknownMethod = -1002;
    public const int JsonDecodeFailed = -1003;
    public const int AesDecodeFailed = -1005;
    public const int BadParams = -1008;
    public const int MissingTerminalUuid = -1012;
    public const int BadCredentials = -1501;
    public const int SessionTimeout = 9999;

    public static KasaException ToException(KasaEndpoint endpoint, string method, int code, string? model) => code switch
    {
        BadCredentials => new KasaAuthenticationException(
            endpoint, $"the plug refused the login (error_code {code}, bad credentials); check the TP-Link account e-mail and password the plug is bound to (both case-sensitive)"),
        JsonDecodeFailed or AesDecodeFailed => new KasaProtocolException(
            endpoint, $"the plug could not decode the {method} request (error_code {code}); the transport or its session does not match the plug"),
        UnknownMethod => new KasaDeviceException(
            endpoint, method, code, $"unknown method: the {(model is null or "" ? "device (model unknown)" : model)} does not support {method}", isTransient: false),
        BadParams => new KasaDeviceException(endpoint, method, code, "bad params", isTransient: false),
        MissingTerminalUuid => new KasaDeviceException(endpoint, method, code, "the firmware refuses the request's terminal_uuid", isTransient: false),
        Unspecific or SessionTimeout => new KasaDeviceException(endpoint, method, code, "the plug is busy or its session lapsed; try again", isTransient: true),
        _ => new KasaDeviceException(endpoint, method, code, "a SMART device error", isTransient: false),
    };
}
