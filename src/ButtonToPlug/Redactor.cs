namespace ButtonToPlug;

/// <summary>
/// Masks SecureString values in text built from a setting (a validation problem quoting it, a Kasa message naming an
/// outlet). Values are taken as stored and as they are used (trimmed; only the password is used as stored), and matched
/// in any letter case: a host name is the same name
/// whatever its case, and .NET and the plug may write it lower-cased. Whole fields (host, port, outlet) are masked by name
/// in <see cref="Settings.PlugSettings"/>, not through here.
/// </summary>
internal sealed class Redactor
{
    public const string Mask = "(SecureString)";

    private readonly string[] secrets;

    public Redactor(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = [.. secrets
            .SelectMany(s => new[] { s, s.Trim() })
            .Where(s => s.Trim().Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(s => s.Length)];
    }

    public string Apply(string text)
    {
        foreach (var secret in this.secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
