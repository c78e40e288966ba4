namespace ButtonToPlug;

/// <summary>Quotes user-supplied text in a message: events can hold anything, so only a short, single-line piece is shown.</summary>
internal static class Quote
{
    private const int MaxLength = 40;

    public static string Of(ReadOnlySpan<char> text)
    {
        var clipped = text.Length <= MaxLength ? text.ToString() : $"{text[..MaxLength]}…";
        return $"'{clipped.ReplaceLineEndings(" ")}'";
    }
}
