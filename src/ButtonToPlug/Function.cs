using System.Text.Json;
using ButtonToPlug.Events;
using ButtonToPlug.Plug;
using ButtonToPlug.Reporting;
using ButtonToPlug.Settings;

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
    private readonly ISettingsSource settings;
    private readonly ClickReporter reporter;
    private readonly TimeProvider time;

    internal Function(ISettingsSource settings, TextWriter log, TimeProvider time)
    {
        this.settings = settings;
        this.time = time;
        this.reporter = new ClickReporter(log, time);
    }

    /// <summary>The Lambda configuration: settings from SSM Parameter Store under <c>PARAMETER_PATH</c>, log lines on stdout.</summary>
    public static Function FromEnvironment() => FromEnvironment(Console.Out);

    /// <summary>As <see cref="FromEnvironment()"/>, with the log lines (one per click, plus metrics) written to <paramref name="log"/>.</summary>
    /// <exception cref="FunctionException">ConfigurationError: <c>PARAMETER_PATH</c> or <c>PARAMETER_CACHE_SECONDS</c> is malformed.</exception>
    public static Function FromEnvironment(TextWriter log) => FromOptions(FunctionOptions.Read(Environment.GetEnvironmentVariable), log);

    internal static Function FromOptions(FunctionOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = new ParameterStoreSettings(SsmClientFactory.Create(), options.ParameterPath, options.CacheLifetime, TimeProvider.System);
        return new Function(source, log, TimeProvider.System);
    }

    /// <summary>Settings from a local JSON file (keys are the parameter names under the path) instead of SSM: <c>press --settings</c>.</summary>
    public static Function FromSettingsFile(string settingsFile, TextWriter log) =>
        new(new LocalFileSettings(settingsFile), log, TimeProvider.System);

    /// <summary>
    /// Start-up work that does not depend on the event, for the Runtime API loop to do before its first <c>next</c>
    /// (Lambda's Init phase): OpenSSL loaded, then the settings read started, which on its way builds the SDK's HTTP
    /// handler and opens the connection to SSM. The field benchmark measured this against no start-up work and against
    /// OpenSSL alone (test/ButtonToPlug.Benchmarks/README.md).
    /// </summary>
    internal void StartUp()
    {
        SsmClientFactory.LoadCrypto();
        (this.settings as ParameterStoreSettings)?.StartReading();
    }

    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = new ClickFacts(context, this.time.GetTimestamp());
        try
        {
            facts.Event = EventParser.Parse(eventJson);
            if (facts.Event.Source == EventSource.OneClickHealth)
            {
                var reason = $"AWS IoT 1-Click health event ({facts.Event.HealthCondition ?? "deviceHealthMonitor"}), not a click";
                return JsonSerializer.SerializeToUtf8Bytes(this.reporter.Ignored(facts, reason), ResultJsonContext.Default.IgnoredResult);
            }

            using var deadline = new InvocationDeadline(context.Deadline, this.time, cancellationToken);
            var read = await this.settings.GetAsync(deadline.Token);
            facts.Settings = read.Settings;
            if (read.Warning is { } warning)
            {
                facts.Warnings.Add(warning);
            }

            facts.Action = facts.Event.Action ?? read.Settings.ActionFor(facts.Event.ClickType!.Value);
            var change = await PlugCommander.RunAsync(read.Settings, facts.Action, deadline, facts.Warnings);
            return JsonSerializer.SerializeToUtf8Bytes(this.reporter.Succeeded(facts, change), ResultJsonContext.Default.ClickResult);
        }
        catch (FunctionException failure)
        {
            // Messages are built with SecureString values masked; this is the last check before one leaves the process.
            // With secrets about, the inner exception goes too: the Kasa library's own messages name host:port unmasked,
            // and nothing that prints the whole exception may show them.
            var safe = facts.Settings is { Secrets: { IsEmpty: false } secrets } && (secrets.Reveals(failure.Message) || failure.InnerException is not null)
                ? new FunctionException(failure.ErrorType, secrets.Apply(failure.Message))
                : failure;
            this.reporter.Failed(facts, safe);
            if (ReferenceEquals(safe, failure))
            {
                throw;
            }

            throw safe;
        }
    }
}
