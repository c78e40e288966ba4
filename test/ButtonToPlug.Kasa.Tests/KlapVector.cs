namespace ButtonToPlug.Kasa.Tests;

/// <summary>One block of <c>klap.txt</c>: a credential set and version, the seeds, and every value derived from them.</summary>
internal sealed record KlapVector(
    string Name,
    string Username,
    string Password,
    int Version,
    IReadOnlyDictionary<string, string> Values,
    int FirstRequestSequence,
    string FirstRequestPlaintext,
    string FirstRequestBody)
{
    public byte[] Bytes(string key) => Values.TryGetValue(key, out var hex)
        ? Convert.FromHexString(hex)
        : throw new InvalidDataException($"vector '{Name}' has no '{key}' line");

    public int Integer(string key) => Values.TryGetValue(key, out var text)
        ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidDataException($"vector '{Name}' has no '{key}' line");

    public override string ToString() => Name;
}
