namespace ButtonToPlug.Settings;

/// <summary>Setting values as read, by name under the path, and which of them were SecureString parameters.</summary>
internal sealed record RawSettings(IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> SecureNames)
{
    /// <summary>Masks the values that must never reach a log line, an error message or a result.</summary>
    public Redactor Secrets() =>
        new(SecureNames.Select(name => Values.TryGetValue(name, out var value) ? value : ""));
}
