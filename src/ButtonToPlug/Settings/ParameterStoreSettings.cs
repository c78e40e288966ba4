using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ButtonToPlug.Settings;

/// <summary>
/// Settings from SSM Parameter Store: one <c>GetParametersByPath</c> (pages followed, decrypted) under the path, validated,
/// and kept for the cache lifetime so a warm function answers a click without asking SSM again.
/// </summary>
/// <remarks>
/// Only settings that passed validation are cached: a user who fixes a parameter after an error sees the fix on the next click.
/// When SSM fails for a passing reason (throttling, 5xx, network) and an expired copy exists, that copy serves the click
/// and the log says so; a button press should not fail because SSM hiccupped.
/// </remarks>
#pragma warning disable CA1001 // The gate lives as long as the process; a SemaphoreSlim without a wait handle holds nothing to release.
internal sealed class ParameterStoreSettings : ISettingsSource
#pragma warning restore CA1001
{
    private readonly IAmazonSimpleSystemsManagement ssm;
    private readonly string path;
    private readonly TimeSpan cacheLifetime;
    private readonly TimeProvider time;
    private readonly ParameterStoreOrigin origin;
    private readonly SemaphoreSlim refresh = new(1, 1);
    private Cached? cached;

    public ParameterStoreSettings(IAmazonSimpleSystemsManagement ssm, string path, TimeSpan cacheLifetime, TimeProvider time)
    {
        this.ssm = ssm;
        this.path = path;
        this.cacheLifetime = cacheLifetime;
        this.time = time;
        origin = new ParameterStoreOrigin(path);
    }

    public async Task<SettingsRead> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return new SettingsRead(fresh, null);
        }

        // Clicks that arrive together on a cold cache share one SSM call.
        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } fetchedMeanwhile)
            {
                return new SettingsRead(fetchedMeanwhile, null);
            }

            RawSettings raw;
            try
            {
                raw = await ReadAsync(cancellationToken);
            }
            catch (Exception exception) when (SsmFailure.IsTransient(exception, cancellationToken) && cached is { } stale)
            {
                var age = time.GetElapsedTime(stale.ReadAt);
                return new SettingsRead(stale.Settings,
                    $"SSM Parameter Store failed ({SsmFailure.Describe(exception)}); using the settings read {age.TotalSeconds:0} s ago");
            }
            catch (Exception exception) when (exception is not FunctionException)
            {
                throw SsmFailure.ToFunctionException(exception, path, cancellationToken);
            }

            var settings = SettingsValidator.Validate(raw, origin);
            if (cacheLifetime > TimeSpan.Zero)
            {
                cached = new Cached(settings, time.GetTimestamp());
            }

            return new SettingsRead(settings, null);
        }
        finally
        {
            refresh.Release();
        }
    }

    private PlugSettings? Fresh() =>
        cached is { } entry && time.GetElapsedTime(entry.ReadAt) < cacheLifetime ? entry.Settings : null;

    private async Task<RawSettings> ReadAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var secure = new HashSet<string>(StringComparer.Ordinal);
        var prefix = path + "/";
        var request = new GetParametersByPathRequest { Path = path, Recursive = false, WithDecryption = true };
        do
        {
            var response = await ssm.GetParametersByPathAsync(request, cancellationToken);
            foreach (var parameter in response.Parameters ?? [])
            {
                if (parameter.Name is not { } name || !name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var key = name[prefix.Length..];
                values[key] = parameter.Value ?? "";
                if (parameter.Type == ParameterType.SecureString)
                {
                    secure.Add(key);
                }
            }

            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));

        return new RawSettings(values, secure);
    }

    private sealed record Cached(PlugSettings Settings, long ReadAt);
}
