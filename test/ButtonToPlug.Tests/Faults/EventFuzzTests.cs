using System.Diagnostics;
using System.Text.Json;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// 100,000 hostile events (seeded, so a failure reproduces) through <see cref="Function.HandleAsync"/>, of every shape in
/// events/ (SORACOM with a client context, Shelly, HTTPS): each is either a click, an acknowledged ignored event, or an
/// InvalidEvent — for HTTPS an answer of 400, 401 or the click; no other exception and no hang. The settings stage fails at
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
        var (invalid, ignored, unauthorized, https) = (0, 0, 0, 0);

        for (var i = 0; i < Events; i++)
        {
            var bytes = mutator.Next();
            var context = Clicks.FarDeadline() with { ClientContext = mutator.NextClientContext() };
            try
            {
                var result = await function.HandleAsync(bytes, context, CancellationToken.None).WaitAsync(Hang);
                switch (Classify(result))
                {
                    case Outcome.Ignored:
                        ignored++;
                        break;
                    case Outcome.Invalid:
                        invalid++;
                        https++;
                        break;
                    case Outcome.Unauthorized:
                        unauthorized++;
                        break;
                    case Outcome.Click:
                        clicks.Add(bytes);
                        https++;
                        break;
                }
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
        Assert.True(https > 1000, $"only {https} HTTPS requests were answered with a click or a 400");
        Assert.True(unauthorized > 100, $"only {unauthorized} HTTPS requests lost their token");

        await RunEndToEndAsync(clicks.Take(EndToEndSample));
    }

    /// <summary>
    /// An answer that did not throw: an ignored event, or an HTTPS answer — 400 is InvalidEvent, 401 a lost or broken token,
    /// 500 with the marker a click that reached the settings. Any other answer is a defect.
    /// </summary>
    private static Outcome Classify(byte[] result)
    {
        using var json = JsonDocument.Parse(result);
        if (!json.RootElement.TryGetProperty("statusCode", out var status))
        {
            Assert.True(json.RootElement.GetProperty("ignored").GetBoolean());
            return Outcome.Ignored;
        }

        using var body = JsonDocument.Parse(json.RootElement.GetProperty("body").GetString()!);
        var errorType = body.RootElement.GetProperty("errorType").GetString();
        return (status.GetInt32(), errorType) switch
        {
            (400, ErrorTypes.InvalidEvent) => Outcome.Invalid,
            (401, ErrorTypes.Unauthorized) => Outcome.Unauthorized,
            (500, ErrorTypes.ConfigurationError) when body.RootElement.GetProperty("errorMessage").GetString() == Marker => Outcome.Click,
            _ => throw new InvalidOperationException($"HTTPS answer {status.GetInt32()} {errorType}: {body.RootElement.GetRawText()}"),
        };
    }

    /// <summary>Events that parsed as clicks do what a click does on a plug that works (an HTTPS click whose token was mutated is refused instead).</summary>
    private static async Task RunEndToEndAsync(IEnumerable<byte[]> clicks)
    {
        await using var plug = ScriptedPlug.Working();
        var settings = StubSettings.For(plug.Port, "5", (SettingNames.WebhookToken, LocalWebhookToken()));
        var function = new Function(new StubSettings(settings), TextWriter.Null, TimeProvider.System);
        foreach (var bytes in clicks)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await function.HandleAsync(bytes, Clicks.FarDeadline(), CancellationToken.None).WaitAsync(Hang);
            using var json = JsonDocument.Parse(result);
            var root = json.RootElement;
            if (root.TryGetProperty("statusCode", out var status))
            {
                if (status.GetInt32() == 401)
                {
                    continue;
                }

                Assert.Equal(200, status.GetInt32());
                using var body = JsonDocument.Parse(root.GetProperty("body").GetString()!);
                Assert.Equal(plug.RelayOn ? "on" : "off", body.RootElement.GetProperty("after").GetString());
            }
            else
            {
                Assert.Equal(plug.RelayOn ? "on" : "off", root.GetProperty("after").GetString());
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < Hang);
        }
    }

    private static string LocalWebhookToken() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Event("settings.local.json"))).RootElement.GetProperty(SettingNames.WebhookToken).GetString()!;

    private enum Outcome
    {
        Ignored,
        Invalid,
        Unauthorized,
        Click,
    }

    /// <summary>Fails every click at the settings step with a marker, so valid clicks are counted without reaching SSM or a plug.</summary>
    private sealed class MarkerSettings : ISettingsSource
    {
        public Task<SettingsRead> GetAsync(CancellationToken cancellationToken) =>
            Task.FromException<SettingsRead>(new FunctionException(ErrorTypes.ConfigurationError, Marker));
    }
}
