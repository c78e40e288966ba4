namespace ButtonToPlug;

/// <summary>Masks SecureString values in any text about to be logged, returned or put in an error message.</summary>
internal sealed class Redactor
{
    public const string Mask = "(SecureString)";

    private readonly string[] secrets;

    public Redactor(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    public bool IsEmpty => this.secrets.Length == 0;

    public string Apply(string text)
    {
        foreach (var secret in this.secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public bool Reveals(string text) => this.secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal));
}
