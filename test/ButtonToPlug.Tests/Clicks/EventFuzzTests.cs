using System.Text;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Clicks;

/// <summary>
/// 100,000 mutated events through <see cref="Function.HandleAsync"/>: every one ends as InvalidEvent, or gets as far as
/// the settings (here a file that does not exist, so ConfigurationError), or is acknowledged. Nothing else may escape.
/// </summary>
public sealed class EventFuzzTests
{
    private const int Count = 100_000;

    [Fact]
    public async Task HandleAsync_MutatedEvents_FailOnlyAsInvalidEventOrGetToTheSettings()
    {
        var function = Function.FromSettingsFile(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-absent.json"), TextWriter.Null);
        var seeds = RepositoryFiles.EventFiles().Select(File.ReadAllBytes).ToArray();
        var random = new Random(20260525);
        var context = new InvocationContext("fuzz", DateTimeOffset.UtcNow.AddMinutes(10), null);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Count; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Length)], random);
            string outcome;
            try
            {
                await function.HandleAsync(input, context, CancellationToken.None);
                outcome = "ok";
            }
            catch (FunctionException failure) when (failure.ErrorType is ErrorTypes.InvalidEvent or ErrorTypes.ConfigurationError)
            {
                outcome = failure.ErrorType;
            }
#pragma warning disable CA1031 // The point of the test: report any other exception with the input that caused it.
            catch (Exception unexpected)
#pragma warning restore CA1031
            {
                Assert.Fail($"input #{i} {Convert.ToBase64String(input)} raised {unexpected}");
                return;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // A fuzzer that never produced a valid event, or never an invalid one, would prove nothing.
        Assert.True(outcomes.GetValueOrDefault(ErrorTypes.InvalidEvent) > Count / 10, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(ErrorTypes.ConfigurationError) > Count / 100, string.Join(", ", outcomes));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var rounds = random.Next(1, 4);
        for (var round = 0; round < rounds; round++)
        {
            switch (random.Next(10))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 3:
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                case 4:
                    bytes = ReplaceValue(bytes, random, Pick(random, "\"" + new string('x', random.Next(1, 20_000)) + "\"", "1", "-1e309", "true", "null", "[]", "{}", "\"\"", "\"\\ud800\"", "\"single\"", "\"Long\"", "\"on:0s\"", "\"off:25h\"", "\"toggle\""));
                    break;
                case 5:
                    var depth = random.Next(1, 200);
                    bytes = ReplaceValue(bytes, random, new string('[', depth) + new string(']', depth));
                    break;
                case 6:
                    bytes.InsertRange(random.Next(bytes.Count + 1), [0xC3, 0x28, 0xFF, 0xFE]);
                    break;
                case 7:
                    bytes = Encoding.UTF8.GetBytes(Pick(random,
                        "{\"clickType\":\"SINGLE\"}", "{\"action\":\"on:30m\"}", "{\"deviceEvent\":{\"buttonClicked\":{\"clickType\":\"DOUBLE\"}}}",
                        "{\"deviceEvent\":{\"buttonClicked\":null}}", "{\"clickType\":{\"clickType\":\"SINGLE\"}}", "[]", "0", "\"\"", "{\"action\":[\"on\"]}")).ToList();
                    break;
                case 8 when bytes.Count > 2:
                    var start = random.Next(bytes.Count);
                    var length = random.Next(1, Math.Min(64, bytes.Count - start) + 1);
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(start, length));
                    break;
                default:
                    bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString([.. bytes]).Replace("clickType", Pick(random, "ClickType", "clicktype", "action", "clickType\":\"LONG\",\"x"), StringComparison.Ordinal)).ToList();
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Replaces the value after a random <c>":</c> with <paramref name="value"/>, up to the next , or }.</summary>
    private static List<byte> ReplaceValue(List<byte> bytes, Random random, string value)
    {
        var text = Encoding.UTF8.GetString([.. bytes]);
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToArray();
        if (colons.Length == 0)
        {
            return bytes;
        }

        var at = colons[random.Next(colons.Length)] + 1;
        var end = text.IndexOfAny([',', '}'], at);
        end = end < 0 ? text.Length : end;
        return Encoding.UTF8.GetBytes(text[..at] + value + text[end..]).ToList();
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
