using System.Text.Json;
using ButtonToPlug.Dedupe;
using ButtonToPlug.Events;
using ButtonToPlug.Logging;
using ButtonToPlug.Https;
using ButtonToPlug.Plug;
using ButtonToPlug.Reporting;
using ButtonToPlug.Settings;

namespace ButtonToPlug;

/// <summary>
/// The function's one in-process entry: event bytes in, the result JSON of CONTRACTS.md section 4 out, or a
/// <see cref="FunctionException"/> with its errorType. The Runtime API loop, the <c>press</c> command and the tests all call it.
/// Build it once per process (<see cref="FromEnvironment(TextWriter)"/>): it holds the SSM client, the settings cache and the click table.
/// </summary>
#pragma warning disable CA1716 // The name is the contract every helper builds on; no VB caller will ever load a Lambda function.
public sealed class Function
#pragma warning restore CA1716
{
    private readonly ISettingsSource settings;
    private readonly ClickReporter reporter;
    private readonly TimeProvider time;
    private readonly ClickClaims claims;
    private readonly PlugCommander plugs = new();

    /// <summary>Log lines at the default threshold (INFO): tests and callers that bring their own writer.</summary>
    internal Function(ISettingsSource settings, TextWriter log, TimeProvider time, ClickClaims? claims = null)
        : this(settings, new LogWriter(log, LogThreshold.Default, time), claims)
    {
    }

    internal Function(ISettingsSource settings, LogWriter log, ClickClaims? claims = null)
    {
        this.settings = settings;
        this.time = log.Time;
        this.reporter = new ClickReporter(log);
        this.claims = claims ?? new ClickClaims(null, DynamoDbClientFactory.Create, log.Time);
    }

    /// <summary>
    /// As Lambda runs it: settings from SSM Parameter Store under <c>PARAMETER_PATH</c>, duplicate deliveries caught in the
    /// DynamoDB table <c>CLICK_TABLE</c> (when set), log lines (one per click, plus metrics) written to <paramref name="log"/>
    /// at the <c>AWS_LAMBDA_LOG_LEVEL</c> threshold.
    /// </summary>
    /// <exception cref="FunctionException">ConfigurationError: <c>PARAMETER_PATH</c> or <c>PARAMETER_CACHE_SECONDS</c> is malformed.</exception>
    public static Function FromEnvironment(TextWriter log) => FromEnvironment(ProcessLog(log));

    internal static Function FromEnvironment(LogWriter log) => FromOptions(FunctionOptions.Read(Environment.GetEnvironmentVariable), log);

    internal static Function FromOptions(FunctionOptions options, LogWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connector = new SsmConnector(TimeProvider.System);
        var source = new ParameterStoreSettings(SsmClientFactory.Create(connector), options.ParameterPath, options.CacheLifetime, TimeProvider.System, connector);
        return new Function(source, log, new ClickClaims(options.ClickTable, DynamoDbClientFactory.Create, TimeProvider.System));
    }

    /// <summary>Settings from a local JSON file (keys are the parameter names under the path) instead of SSM: <c>press --settings</c>.</summary>
    public static Function FromSettingsFile(string settingsFile, TextWriter log) => new(new LocalFileSettings(settingsFile), ProcessLog(log));

    /// <summary>A defect outside <see cref="HandleAsync"/> (the <c>press</c> command's own), as one JSON line with its stack trace.</summary>
    public static void LogDefect(TextWriter log, string message, Exception defect) =>
        new LogWriter(log, LogLevel.Error, TimeProvider.System).WriteDefect(LogLevel.Error, message, defect, context: null, secrets: null);

    private static LogWriter ProcessLog(TextWriter log) => LogWriter.FromEnvironment(log, Environment.GetEnvironmentVariable, TimeProvider.System);

    /// <summary>
    /// Start-up work that does not depend on the event, for the Runtime API loop to do before its first <c>next</c>
    /// (Lambda's Init phase): the connection to SSM opened first, so its handshake runs beside the CPU work that follows;
    /// OpenSSL loaded (the SSM request's signature needs it); the settings read started on the thread pool, which builds
    /// the SDK's pipeline, signs and takes that connection; meanwhile the JSON metadata of the click's log line and result
    /// built, which would otherwise be built after the plug has answered. The field benchmark measured each step
    /// (test/ButtonToPlug.Benchmarks/README.md).
    /// </summary>
    internal void StartUp()
    {
        var ssm = this.settings as ParameterStoreSettings;
        ssm?.Connect();
        SsmClientFactory.LoadCrypto();
        ssm?.StartReading();
        ClickReporter.PrepareSerializers();
    }

    /// <summary>An HTTPS click (Function URL) is answered with its HTTP status instead, and never fails.</summary>
    public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken) =>
        FunctionUrlExchange.Recognizes(eventJson)
            ? FunctionUrlExchange.AnswerAsync(ClickAsync(eventJson, context, cancellationToken))
            : ClickAsync(eventJson, context, cancellationToken);

    private async Task<byte[]> ClickAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = new ClickFacts(context, this.time.GetTimestamp());
        try
        {
            facts.Event = EventParser.Parse(eventJson, context.ClientContext);
            if (facts.Event.IgnoredReason is { } reason)
            {
                return JsonSerializer.SerializeToUtf8Bytes(this.reporter.Ignored(facts, reason), ResultJsonContext.Default.IgnoredResult);
            }

            using var deadline = new InvocationDeadline(context.Deadline, this.time, cancellationToken);
            var read = await this.settings.GetAsync(deadline.Token);
            facts.Settings = read.Settings;
            facts.Warnings.AddRange(read.Settings.Warnings);
            WebhookGate.Authenticate(facts.Event, read.Settings);
            if (read.Warning is { } warning)
            {
                facts.Warnings.Add(warning);
            }

            facts.Action = facts.Event.Action ?? read.Settings.ActionFor(facts.Event.ClickType!.Value);
            var outcome = await this.claims.SwitchOnceAsync(facts, () => this.plugs.RunAsync(read.Settings, facts.Action, deadline, facts.Warnings), deadline);
            return outcome.Change is { } change
                ? JsonSerializer.SerializeToUtf8Bytes(this.reporter.Succeeded(facts, change), ResultJsonContext.Default.ClickResult)
                : JsonSerializer.SerializeToUtf8Bytes(this.reporter.Ignored(facts, outcome.DuplicateReason!), ResultJsonContext.Default.IgnoredResult);
        }
        catch (FunctionException failure)
        {
            // Messages are built from masked fields where they are made; nothing here searches them.
            this.reporter.Failed(facts, failure);
            throw;
        }
#pragma warning disable CA1031 // The edge of the function: a defect of ours becomes InternalError, logged, and the process serves on.
        catch (Exception defect) when (defect is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // The .NET message is foreign text that may quote a setting: it goes only to the log (masked), never to the caller.
            var failure = new FunctionException(ErrorTypes.InternalError,
                $"internal error ({defect.GetType().Name}): a defect of ButtonToPlug, not of the button, the settings or the plug; "
                + $"the log line of request {facts.Context.RequestId} has the stack trace, please report it");
            this.reporter.Failed(facts, failure, defect);
            throw failure;
        }
    }
}
