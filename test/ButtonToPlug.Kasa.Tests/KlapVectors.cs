using System.Text.RegularExpressions;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>
/// Reads the independently computed KLAP vectors from <c>test/ButtonToPlug.Kasa.Tests/Vectors/klap.txt</c> in the repository
/// (the folder holding ButtonToPlug.sln). A missing file fails every vector test with a message that says where it was looked for.
/// </summary>
internal static partial class KlapVectors
{
    private const string MissingFileRow = "(klap.txt not found)";
    private static readonly Lazy<List<KlapVector>?> Loaded = new(Load);

    public static string FilePath { get; } = Locate();

    /// <summary>Vector names for <c>[MemberData]</c>; a single placeholder row when the file is missing, so the theory fails instead of vanishing.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var vector in Loaded.Value ?? [])
            {
                names.Add(vector.Name);
            }

            if (names.Count == 0)
            {
                names.Add(MissingFileRow);
            }

            return names;
        }
    }

    public static IReadOnlyList<KlapVector> All => Loaded.Value is { Count: > 0 } vectors
        ? vectors
        : throw new FileNotFoundException(
            $"KLAP test vectors are missing or empty at {FilePath} (expected test/ButtonToPlug.Kasa.Tests/Vectors/klap.txt under the repository root holding ButtonToPlug.sln)",
            FilePath);

    public static KlapVector Get(string name) => All.Single(vector => vector.Name == name);

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ButtonToPlug.sln")))
            {
                return Path.GetFullPath(Path.Combine(folder.FullName, "test", "ButtonToPlug.Kasa.Tests", "Vectors", "klap.txt"));
            }
        }

        throw new InvalidOperationException($"no ButtonToPlug.sln above {AppContext.BaseDirectory}; cannot find the KLAP vectors");
    }

    private static List<KlapVector>? Load()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        var vectors = new List<KlapVector>();
        string[]? header = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        (int Sequence, string Plaintext)? firstRequest = null;
        string? body = null;

        void Flush()
        {
            if (header is null)
            {
                return;
            }

            vectors.Add(new KlapVector(
                header[0], header[1], header[2], int.Parse(header[3], System.Globalization.CultureInfo.InvariantCulture),
                new Dictionary<string, string>(values),
                firstRequest?.Sequence ?? throw new InvalidDataException($"vector '{header[0]}' has no first request line"),
                firstRequest.Value.Plaintext,
                body ?? throw new InvalidDataException($"vector '{header[0]}' has no body line")));
            values.Clear();
            firstRequest = null;
            body = null;
        }

        foreach (var line in File.ReadLines(FilePath))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (HeaderLine().Match(line) is { Success: true } block)
            {
                Flush();
                header = [$"{block.Groups["name"].Value} v{block.Groups["version"].Value}", block.Groups["user"].Value, block.Groups["password"].Value, block.Groups["version"].Value];
            }
            else if (FirstRequestLine().Match(line) is { Success: true } request)
            {
                firstRequest = (int.Parse(request.Groups["seq"].Value, System.Globalization.CultureInfo.InvariantCulture), request.Groups["plaintext"].Value);
            }
            else if (line.TrimStart().StartsWith("body", StringComparison.Ordinal))
            {
                body = line[(line.LastIndexOf(':') + 1)..].Trim();
            }
            else
            {
                var trimmed = line.Trim();
                var split = trimmed.LastIndexOf(' ');
                values[trimmed[..split].Trim()] = trimmed[(split + 1)..];
            }
        }

        Flush();
        return vectors;
    }

    [GeneratedRegex(@"^== creds=(?<name>\S+) \('(?<user>[^']*)','(?<password>[^']*)'\) v(?<version>\d)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"seq=(?<seq>-?\d+)\s+plaintext=(?<plaintext>.+)$")]
    private static partial Regex FirstRequestLine();
}
