using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ButtonToPlug.Settings;

/// <summary>
/// Settings from SSM Parameter Store: one <c>GetParametersByPath</c> (pages followed, decrypted) under the path, validated,
/// and kept for the cache lifetime so a warm function answers a click without asking SSM again.
/// </summary>
/// <remarks>
/// Only settings that passed validation are cached: a user who fixes a parameter after an error sees the fix on the next click.
/// When SSM fails for a passing reason (throttling, 5xx, network, too slow) and an expired copy exists that is at most
/// <see cref="StaleLimit"/> past its lifetime, that copy serves the click and the log says so: a button press should not fail
/// because SSM hiccupped. Older copies are not used: by then the user may well have moved the plug or changed an action.
/// Retries of the SSM call itself belong to the AWS SDK alone (standard retry mode, see <see cref="SsmClientFactory"/>);
/// this class never calls SSM twice for one click.
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
    private readonly SsmConnector? connector;
    private readonly SemaphoreSlim refresh = new(1, 1);
    private Cached? cached;

    /// <summary>How long past its cache lifetime a copy may still stand in for SSM when SSM is briefly unavailable.</summary>
    public static readonly TimeSpan StaleLimit = TimeSpan.FromHours(1);

    /// <summary>
    /// With a usable copy in hand, SSM gets this long (one SDK attempt) before the copy serves the click, so a slow SSM
    /// leaves the plug its own timeout inside the invocation's deadline. Without a copy SSM gets whatever time is left.
    /// </summary>
    public static readonly TimeSpan RefreshLimitWithCopy = SsmClientFactory.AttemptTimeout;

    /// <param name="connector">The connector <paramref name="ssm"/> was built with, for <see cref="Connect"/>; null when it has none.</param>
    public ParameterStoreSettings(IAmazonSimpleSystemsManagement ssm, string path, TimeSpan cacheLifetime, TimeProvider time, SsmConnector? connector = null)
    {
        this.connector = connector;
        this.ssm = ssm;
        this.path = path;
        this.cacheLifetime = cacheLifetime;
        this.time = time;
        this.origin = new ParameterStoreOrigin(path);
    }

    /// <summary>
    /// Opens the connection the first read will take, first thing at start-up: the DNS lookup and the TCP handshake then
    /// overlap the CPU work that comes before the read (OpenSSL, the SDK's first request), which a cold click waits on.
    /// </summary>
    /// <returns>Completes when the connect is over, whichever way; null when the endpoint cannot be known yet.</returns>
    public Task? Connect() =>
        this.connector is { } known && SsmConnector.EndpointOf(this.ssm.Config) is { } endpoint
            ? known.OpenEarly(endpoint)
            : null;

    /// <summary>
    /// Starts the first read now, in Lambda's Init phase (before the first <c>next</c>), so the first click finds the
    /// settings read, or their read under way and holding the gate, rather than starting the SSM call after its event
    /// arrived. A read that fails is not kept and says nothing: the click reads again and reports what went wrong.
    /// Without a cache there would be nothing to keep, so nothing is started.
    /// </summary>
    /// <returns>The early read, which never fails; null when none was started.</returns>
    public Task? StartReading()
    {
        if (this.cacheLifetime <= TimeSpan.Zero)
        {
            return null;
        }

        return Task.Run(async () =>
        {
            // As long as the SDK's own attempts may take; a click that arrives meanwhile waits on the gate within its deadline.
            using var bound = new CancellationTokenSource(SsmClientFactory.AttemptTimeout * 3);
            try
            {
                await GetAsync(bound.Token);
            }
            catch (FunctionException)
            {
                // The click's own read reports it, with that click's facts.
            }
        });
    }

    public async Task<SettingsRead> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return new SettingsRead(fresh, null);
        }

        // Clicks that arrive together on a cold cache share one SSM call.
        try
        {
            await this.refresh.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw SsmFailure.ToFunctionException(exception, this.path, cancellationToken);
        }

        try
        {
            if (Fresh() is { } fetchedMeanwhile)
            {
                return new SettingsRead(fetchedMeanwhile, null);
            }

            var copy = Usable();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (copy is not null)
            {
                limit.CancelAfter(RefreshLimitWithCopy);
            }

            RawSettings raw;
            try
            {
                // The SDK is handed the token too, but the deadline is kept here: whatever the SDK is doing (a backoff, a
                // connection that ignores cancellation), the click moves on the moment the token fires.
                raw = await ReadAsync(limit.Token).WaitAsync(limit.Token);
            }
            catch (Exception exception) when (copy is not null && SsmFailure.IsTransient(exception, cancellationToken))
            {
                var age = this.time.GetElapsedTime(copy.ReadAt);
                var why = limit.IsCancellationRequested ? $"no answer within {RefreshLimitWithCopy.TotalSeconds:0.#} s" : SsmFailure.Describe(exception);
                return new SettingsRead(copy.Settings,
                    $"SSM Parameter Store failed ({why}); using the cached settings read {age.TotalSeconds:0} s ago");
            }
            catch (Exception exception) when (exception is not FunctionException)
            {
                throw SsmFailure.ToFunctionException(exception, this.path, cancellationToken);
            }

            var settings = SettingsValidator.Validate(raw, this.origin);
            if (this.cacheLifetime > TimeSpan.Zero)
            {
                this.cached = new Cached(settings, this.time.GetTimestamp());
            }

            return new SettingsRead(settings, null);
        }
        finally
        {
            this.refresh.Release();
        }
    }

    private PlugSettings? Fresh() =>
        this.cached is { } entry && this.time.GetElapsedTime(entry.ReadAt) < this.cacheLifetime ? entry.Settings : null;

    /// <summary>The expired copy, while it is recent enough to stand in for SSM.</summary>
    private Cached? Usable() =>
        this.cached is { } entry && this.time.GetElapsedTime(entry.ReadAt) < this.cacheLifetime + StaleLimit ? entry : null;

    private async Task<RawSettings> ReadAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var secure = new HashSet<string>(StringComparer.Ordinal);
        var prefix = this.path + "/";
        var request = new GetParametersByPathRequest { Path = this.path, Recursive = false, WithDecryption = true };
        do
        {
            var response = await this.ssm.GetParametersByPathAsync(request, cancellationToken);
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
