using System.Globalization;

namespace ButtonToPlug;

/// <summary>The function's own environment variables: <c>PARAMETER_PATH</c>, <c>PARAMETER_CACHE_SECONDS</c> and <c>CLICK_TABLE</c>.</summary>
internal sealed record FunctionOptions(string ParameterPath, TimeSpan CacheLifetime)
{
    public const string DefaultParameterPath = "/ButtonToPlug";

    public static readonly TimeSpan DefaultCacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The DynamoDB table that remembers claimed clicks (CONTRACTS.md section 7); null turns duplicate detection off.</summary>
    public string? ClickTable { get; init; }

    /// <exception cref="FunctionException">ConfigurationError naming the variable.</exception>
    public static FunctionOptions Read(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var path = variable("PARAMETER_PATH") is { Length: > 0 } given ? given.Trim() : DefaultParameterPath;

        // SSM names are absolute; "/" itself would read every parameter of the account.
        path = path.TrimEnd('/');
        if (!path.StartsWith('/') || path.Length < 2 || path.Contains("//", StringComparison.Ordinal))
        {
            throw new FunctionException(ErrorTypes.ConfigurationError,
                $"PARAMETER_PATH {Quote.Of(variable("PARAMETER_PATH") ?? "")} is not a parameter path: use one like {DefaultParameterPath}");
        }

        var cache = DefaultCacheLifetime;
        if (variable("PARAMETER_CACHE_SECONDS") is { Length: > 0 } seconds)
        {
            if (!int.TryParse(seconds.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 86_400)
            {
                throw new FunctionException(ErrorTypes.ConfigurationError,
                    $"PARAMETER_CACHE_SECONDS {Quote.Of(seconds)} is not a whole number of seconds from 0 (no cache) to 86400");
            }

            cache = TimeSpan.FromSeconds(value);
        }

        // The name is DynamoDB's to judge: a table it refuses costs a warning on the click, never the click itself.
        var table = variable("CLICK_TABLE") is { Length: > 0 } name && name.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        return new FunctionOptions(path, cache) { ClickTable = table };
    }
}
