using System.Diagnostics;
using System.Text.Json;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// 100,000 hostile events (seeded, so a failure reproduces) through <see cref="Function.HandleAsync"/>: each is either a
/// click, an acknowledged health event, or an InvalidEvent; no other exception and no hang. The settings stage fails at
/// once with a marker error, so the run stays quick and shows which events parsed as clicks; a sample of those is then
/// run end to end against a working plug.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class EventFuzzTests
{
    private const int Seed = 20261125;
    private const int Events = 100_000;
    private const int EndToEndSample = 200;
    private const string Marker = "fuzz: the event parsed as a click";

    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HundredThousandMutatedEvents_EachIsAClickAnIgnoredHealthEventOrInvalidEvent()
    {
        var samples = RepositoryFiles.EventFiles().Select(File.ReadAllBytes).ToList();
        var mutator = new EventMutator(samples, Seed);
        var function = new Function(new MarkerSettings(), TextWriter.Null, TimeProvider.System);
        var clicks = new List<byte[]>();
        var failures = new List<string>();
        var (invalid, ignored) = (0, 0);

        for (var i = 0; i < Events; i++)
        {
            var bytes = mutator.Next();
            try
            {
                var result = await function.HandleAsync(bytes, Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);
                using var json = JsonDocument.Parse(result);
                Assert.True(json.RootElement.GetProperty("ignored").GetBoolean());
                ignored++;
            }
            catch (FunctionException error) when (error.ErrorType == ErrorTypes.InvalidEvent)
            {
                invalid++;
            }
            catch (FunctionException error) when (error.Message == Marker)
            {
                clicks.Add(bytes);
            }
            catch (Exception error)
            {
                failures.Add($"event {i} (seed {Seed}): {error.GetType().Name}: {error.Message}; event starts {Convert.ToBase64String(bytes, 0, Math.Min(bytes.Length, 300))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));

        // A fuzzer that never produces a valid click or a rejected one tests nothing.
        Assert.True(clicks.Count > 1000, $"only {clicks.Count} events parsed as clicks");
        Assert.True(invalid > 10_000, $"only {invalid} events were InvalidEvent");
        Assert.True(ignored > 0, "no health event survived the mutations");

        await RunEndToEndAsync(clicks.Take(EndToEndSample));
    }

    /// <summary>Events that parsed as clicks do what a click does on a plug that works.</summary>
    private static async Task RunEndToEndAsync(IEnumerable<byte[]> clicks)
    {
        await using var plug = ScriptedPlug.Working();
        var function = new Function(new StubSettings(StubSettings.For(plug.Port, "5")), TextWriter.Null, TimeProvider.System);
        foreach (var bytes in clicks)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await function.HandleAsync(bytes, Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);
            using var json = JsonDocument.Parse(result);
            Assert.Equal(plug.RelayOn ? "on" : "off", json.RootElement.GetProperty("after").GetString());
            Assert.True(Stopwatch.GetElapsedTime(started) < Hang);
        }
    }

    /// <summary>Fails every click at the settings step with a marker, so valid clicks are counted without reaching SSM or a plug.</summary>
    private sealed class MarkerSettings : ISettingsSource
    {
        public Task<SettingsRead> GetAsync(CancellationToken cancellationToken) =>
            Task.FromException<SettingsRead>(new FunctionException(ErrorTypes.ConfigurationError, Marker));
    }
}
