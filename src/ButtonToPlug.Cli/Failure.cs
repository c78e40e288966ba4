using ButtonToPlug.Kasa;

namespace ButtonToPlug.Cli;

/// <summary>Turns a failure into its one-line reason on stderr and its exit code.</summary>
internal static class Failure
{
    public static async Task<int> ReportAsync(Exception exception)
    {
        var (code, kind) = exception switch
        {
            KasaUnreachableException => (ExitCodes.Unreachable, "unreachable"),
            KasaDeviceException => (ExitCodes.DeviceError, "plug error"),
            KasaProtocolException => (ExitCodes.ProtocolError, "protocol error"),
            KasaAuthenticationException => (ExitCodes.AuthenticationError, "authentication failed"),
            KasaAccessDeniedException => (ExitCodes.AuthenticationError, "access refused"),
            KasaOutletException => (ExitCodes.Usage, "wrong outlet"),
            _ => (ExitCodes.Unexpected, "unexpected error"),
        };

        // One line: messages of nested errors are already folded into the Kasa messages.
        var message = exception.Message.ReplaceLineEndings(" ");
        await Console.Error.WriteLineAsync($"buttontoplug: {kind}: {message}");
        return code;
    }
}
