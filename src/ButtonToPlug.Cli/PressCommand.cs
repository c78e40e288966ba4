using System.CommandLine;
using System.Text;

namespace ButtonToPlug.Cli;

/// <summary>
/// `buttontoplug press &lt;event.json&gt; [--settings file.json] [--client-context context.json] [--log]`: runs the function's
/// own entry on an event file, with settings from SSM (the SDK's usual environment) or from a local JSON file, and prints
/// the result JSON. The client context is what SORACOM Funk sends beside the event: the SIM the click came from.
/// </summary>
internal static class PressCommand
{
    /// <summary>Generous, like a long Lambda timeout: the plug's own timeout and the SSM client's bound the real waits.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var eventFile = new Argument<FileInfo>("event") { Description = "The event JSON, e.g. events/single-click.json." };
        var settings = new Option<FileInfo?>("--settings")
        {
            Description = "Read the settings from this JSON file (keys host, port, outlet, single, double, long, timeout) instead of SSM Parameter Store.",
        };
        var clientContext = new Option<FileInfo?>("--client-context")
        {
            Description = "The Lambda client context JSON the invoker sends (SORACOM Funk: the SIM), e.g. events/soracom-client-context.json.",
        };
        var log = new Option<bool>("--log") { Description = "Also write the function's JSON log and metrics lines to stderr." };
        var press = new Command("press", "Run the Lambda function's logic on an event file, as if the button had been clicked.")
        {
            eventFile,
            settings,
            clientContext,
            log,
        };
        press.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(eventFile), parsed.GetValue(settings), parsed.GetValue(clientContext), parsed.GetValue(log), cancellationToken));
        return press;
    }

    private static async Task<int> RunAsync(
        FileInfo eventFile, FileInfo? settingsFile, FileInfo? clientContextFile, bool log, CancellationToken cancellationToken)
    {
        byte[] eventJson;
        string? clientContext = null;
        var reading = eventFile;
        try
        {
            eventJson = await File.ReadAllBytesAsync(eventFile.FullName, cancellationToken);
            if (clientContextFile is not null)
            {
                reading = clientContextFile;
                clientContext = await File.ReadAllTextAsync(clientContextFile.FullName, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"buttontoplug: cannot read {reading}: {e.Message}");
            return ExitCodes.Usage;
        }

        var logWriter = log ? Console.Error : TextWriter.Null;
        try
        {
            var function = settingsFile is null
                ? Function.FromEnvironment(logWriter)
                : Function.FromSettingsFile(settingsFile.ToString(), logWriter);
            var context = new InvocationContext($"press-{Guid.NewGuid():N}", DateTimeOffset.UtcNow + Deadline, null) { ClientContext = clientContext };
            var result = await function.HandleAsync(eventJson, context, cancellationToken);
            if (HttpsAnswer.Read(result) is { } answer)
            {
                // An HTTPS click is answered, not failed: show its result, or its error, as for any other click.
                if (answer.Failure is { } refused)
                {
                    return await FailAsync(refused);
                }

                result = answer.Body;
            }

            await Console.Out.WriteLineAsync(Encoding.UTF8.GetString(result));
            return ExitCodes.Success;
        }
        catch (FunctionException failure)
        {
            return await FailAsync(failure);
        }
    }

    private static async Task<int> FailAsync(FunctionException failure)
    {
        await Console.Error.WriteLineAsync($"buttontoplug: {failure.ErrorType}: {failure.Message.ReplaceLineEndings(" ")}");
        return failure.ErrorType switch
        {
            ErrorTypes.PlugUnreachable => ExitCodes.Unreachable,
            ErrorTypes.PlugError => ExitCodes.DeviceError,
            ErrorTypes.ProtocolError => ExitCodes.ProtocolError,
            _ => ExitCodes.Usage,
        };
    }
}
