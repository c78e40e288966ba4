using System.Runtime.InteropServices;
using ButtonToPlug.Logging;
using ButtonToPlug.Runtime;

namespace ButtonToPlug;

internal static class Program
{
    /// <summary>
    /// Lambda starts this executable (as <c>bootstrap</c>, or as <c>dotnet ButtonToPlug.dll</c>) with
    /// <c>AWS_LAMBDA_RUNTIME_API</c> set; the process then serves invocations until the Runtime API says stop or SIGTERM
    /// comes. Every line it writes is one JSON log record on stdout (<see cref="LogWriter"/>).
    /// </summary>
    public static async Task<int> Main()
    {
        var log = LogWriter.FromEnvironment(Console.Out, Environment.GetEnvironmentVariable, TimeProvider.System);
        var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrEmpty(runtimeApi))
        {
            log.Write(LogLevel.Fatal,
                "ButtonToPlug is an AWS Lambda function and runs where AWS_LAMBDA_RUNTIME_API is set. "
                + "To try a click on this machine, with no AWS account and no plug: `scripts/local-click events/single-click.json`.");
            return ExitCodes.Usage;
        }

        // SIGTERM (Lambda shutting the sandbox down) stops the loop between invocations instead of killing the process,
        // so a click in flight still switches, writes its log line and posts its outcome.
        using var stopping = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopping.Cancel();
        });
        try
        {
            using var api = new RuntimeApiClient(runtimeApi);
            var loop = new RuntimeLoop(api, log);
            return await loop.RunAsync(() =>
            {
                var function = Function.FromEnvironment(log);
                function.StartUp();
                return function.HandleAsync;
            }, stopping.Token);
        }
#pragma warning disable CA1031 // The last edge: a defect of the loop is one FATAL line, not .NET's multi-line crash text.
        catch (Exception defect)
#pragma warning restore CA1031
        {
            log.WriteDefect(LogLevel.Fatal, "the runtime loop failed; the process exits", defect, context: null, secrets: null);
            return ExitCodes.Defect;
        }
    }
}
