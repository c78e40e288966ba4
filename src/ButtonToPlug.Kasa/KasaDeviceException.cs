namespace ButtonToPlug.Kasa;

/// <summary>The plug answered, but refused the command with a non-zero <c>err_code</c> (IOT) or <c>error_code</c> (SMART).</summary>
public sealed class KasaDeviceException : KasaException
{
    public KasaDeviceException(KasaEndpoint endpoint, string command, int errorCode, string? deviceMessage)
        : base(endpoint, $"the plug refused {command} with err_code {errorCode}{(deviceMessage is null ? "" : $" ({deviceMessage})")}")
    {
        Command = command;
        ErrorCode = errorCode;
        DeviceMessage = deviceMessage;
    }

    /// <param name="explanation">What the code means, in words, for a dialect whose answers carry no message of their own.</param>
    /// <param name="isTransient">The device says it is busy or its session lapsed: the same command may succeed a moment later.</param>
    public KasaDeviceException(KasaEndpoint endpoint, string command, int errorCode, string explanation, bool isTransient)
        : base(endpoint, $"the plug refused {command} with error_code {errorCode} ({explanation})")
    {
        Command = command;
        ErrorCode = errorCode;
        IsTransient = isTransient;
    }

    /// <summary>The refused command: <c>module.method</c> in IOT (e.g. <c>system.set_relay_state</c>), the method name in SMART.</summary>
    public string Command { get; }

    public int ErrorCode { get; }

    public string? DeviceMessage { get; }

    public bool IsTransient { get; }
}
