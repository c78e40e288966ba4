using System.CommandLine;
using System.Text;
using ButtonToPlug.Settings;

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
        var eventFile = new Argument<FileInfo>("event")
        {
            Description = "The event JSON, e.g. events/single-click.json.",
            CustomParser = result => new FileInfo(OptionValues.NotBlank(result, "an event file such as events/single-click.json") is { Length: > 0 } path ? path : "."),
        };
        var settings = new Option<FileInfo?>("--settings")
        {
            CustomParser = result => new FileInfo(OptionValues.NotBlank(result, "a settings file such as events/settings.local.json") is { Length: > 0 } path ? path : "."),
            Description = $"Read the settings from this JSON file (keys {string.Join(", ", SettingNames.All)}) instead of SSM Parameter Store.",
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
        catch (Exception defect) when (defect is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Outside the function's own edge (printing the result, building the function): the same one line as an
            // InternalError from inside it, never .NET's stack trace; with --log the trace goes to the log as one JSON line.
            if (log)
            {
                Function.LogDefect(Console.Error, "buttontoplug press failed", defect);
            }

            await Console.Error.WriteLineAsync(
                $"buttontoplug: {ErrorTypes.InternalError}: internal error ({defect.GetType().Name}) in buttontoplug press; "
                + "run it again with --log for the stack trace, and please report it");
            return ExitCodes.Unexpected;
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
            ErrorTypes.InternalError => ExitCodes.Unexpected,
            _ => ExitCodes.Usage,
        };
    }
}
