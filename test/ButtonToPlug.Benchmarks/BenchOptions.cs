using System.Globalization;

namespace ButtonToPlug.Benchmarks;

/// <summary>
/// The command line: <c>all | cold | warm | codec | footprint | field</c> (<c>all</c> is every loopback part; <c>field</c> runs
/// alone), <c>--runs N</c>, <c>--clicks N</c>, <c>--out FILE</c>, and for <c>field</c> <c>--protocol xor|auto</c>: the
/// <c>protocol</c> setting ButtonToPlug is given for the simulated XOR plug (the peers speak XOR whatever it says).
/// </summary>
internal sealed record BenchOptions(string Command, int Runs, int Clicks, string Output, string Protocol)
{
    public const string Usage =
        "usage: dotnet run -c Release --project test/ButtonToPlug.Benchmarks -- [all|cold|warm|codec|footprint|field] [--runs 20] [--clicks 2000] [--out artifacts/bench/results.json] [--protocol xor|auto]";

    private static readonly string[] FieldProtocols = ["xor", "auto"];

    private static readonly string[] Commands = ["all", "cold", "warm", "codec", "footprint", "field"];

    public bool Includes(string part) => Command == "all" || Command == part;

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions("all", 20, 2000, Path.Combine(Repository.Root, "artifacts", "bench", "results.json"), "xor");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case var command when Commands.Contains(command):
                    options = options with { Command = command };
                    break;
                case "--runs" when Count(value) is { } runs:
                    options = options with { Runs = runs };
                    i++;
                    break;
                case "--clicks" when Count(value) is { } clicks:
                    options = options with { Clicks = clicks };
                    i++;
                    break;
                case "--protocol" when value is not null && FieldProtocols.Contains(value):
                    options = options with { Protocol = value };
                    i++;
                    break;
                case "--out" when value is not null:
                    options = options with { Output = Path.GetFullPath(value) };
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    private static int? Count(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
}
