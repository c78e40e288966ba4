using ButtonToPlug.Events;

namespace ButtonToPlug;

/// <summary>
/// The function's one in-process entry: event bytes in, the result JSON of CONTRACTS.md section 4 out, or a
/// <see cref="FunctionException"/> with its errorType. The Runtime API loop, the <c>press</c> command and the tests all call it.
/// Build it once per process (<see cref="FromEnvironment()"/>): it holds the SSM client and the settings cache.
/// </summary>
#pragma warning disable CA1716 // The name is the contract every helper builds on; no VB caller will ever load a Lambda function.
public sealed class Function
#pragma warning restore CA1716
{
    private readonly TextWriter log;

    internal Function(TextWriter log)
    {
        this.log = log;
    }

    /// <summary>The Lambda configuration: settings from SSM Parameter Store under <c>PARAMETER_PATH</c>, log lines on stdout.</summary>
    public static Function FromEnvironment() => FromEnvironment(Console.Out);

    /// <summary>As <see cref="FromEnvironment()"/>, with the log lines (one per click, plus metrics) written to <paramref name="log"/>.</summary>
    public static Function FromEnvironment(TextWriter log) => new(log);

    public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var buttonEvent = EventParser.Parse(eventJson);
        log.WriteLine($"{context.RequestId}: {buttonEvent.Source}");
        throw new FunctionException(ErrorTypes.ConfigurationError, "settings and the plug are not wired into this build yet");
    }
}
