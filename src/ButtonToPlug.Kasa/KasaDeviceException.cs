namespace ButtonToPlug.Kasa;

/// <summary>The plug answered, but refused the command with a non-zero <c>err_code</c>.</summary>
public sealed class KasaDeviceException : KasaException
{
    public KasaDeviceException(KasaEndpoint endpoint, string command, int errorCode, string? deviceMessage)
        : base(endpoint, $"the plug refused {command} with err_code {errorCode}{(deviceMessage is null ? "" : $" ({deviceMessage})")}")
    {
        Command = command;
        ErrorCode = errorCode;
        DeviceMessage = deviceMessage;
    }

    /// <summary>The refused command as <c>module.method</c>, e.g. <c>system.set_relay_state</c>.</summary>
    public string Command { get; }

    public int ErrorCode { get; }

    public string? DeviceMessage { get; }
}
