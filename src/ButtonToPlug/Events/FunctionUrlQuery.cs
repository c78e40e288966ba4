namespace ButtonToPlug.Events;

/// <summary>The Function URL's <c>rawQueryString</c> (<c>click=double&amp;token=…</c>), percent-decoded, names as sent.</summary>
internal sealed class FunctionUrlQuery
{
    private readonly List<(string Name, string Value)> pairs;

    private FunctionUrlQuery(List<(string Name, string Value)> pairs) => this.pairs = pairs;

    public static FunctionUrlQuery Parse(string rawQuery)
    {
        var pairs = new List<(string, string)>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Decode(part[(equals + 1)..]);
            pairs.Add((name, value));
        }

        return new FunctionUrlQuery(pairs);
    }

    /// <returns>The parameter's value, or null when it is absent.</returns>
    /// <exception cref="FunctionException">InvalidEvent: the parameter is given more than once.</exception>
    public string? Single(string name)
    {
        string? found = null;
        foreach (var (key, value) in this.pairs)
        {
            if (key != name)
            {
                continue;
            }

            if (found is not null)
            {
                // Never the values: one of them may be a token.
                throw new FunctionException(ErrorTypes.InvalidEvent, $"the query gives {name} more than once; give it once");
            }

            found = value;
        }

        return found;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
