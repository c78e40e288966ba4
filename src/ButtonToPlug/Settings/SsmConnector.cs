using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace ButtonToPlug.Settings;

/// <summary>
/// Opens the TCP connections of the SSM client's HTTP handler (its <c>ConnectCallback</c>). At start-up
/// (<see cref="OpenEarly"/>) one connection to the endpoint the SDK will call is opened before anything else, so the DNS
/// lookup and the TCP handshake run while OpenSSL loads and the SDK builds and signs the first request, which then
/// takes that connection. Every other connection is opened when it is asked for, as the handler itself would.
/// </summary>
/// <remarks>
/// The early connection is only a head start, never a second way to fail: a request for another endpoint (a proxy, a
/// FIPS endpoint), an early connect that failed, or one older than <see cref="UseWithin"/> (an idle connection the far
/// side may have dropped) gets a fresh connection, and the early one is closed. An early connect that is still under
/// way is waited for: it started before a fresh one could. A connection that is taken counts as the request's own, so
/// whatever then fails is the SDK's to retry, as for any connection.
/// </remarks>
internal sealed class SsmConnector(TimeProvider time)
{
    /// <summary>How long an unused early connection is trusted to be open at the far end.</summary>
    public static readonly TimeSpan UseWithin = TimeSpan.FromSeconds(5);

    private EarlyConnection? early;

    /// <summary>
    /// Where the SDK will send SSM requests: its <c>ServiceURL</c> (which the SDK fills from <c>AWS_ENDPOINT_URL_SSM</c> or
    /// <c>AWS_ENDPOINT_URL</c>), else the Region's endpoint.
    /// </summary>
    /// <returns>Null when that cannot be known before the SDK resolves it (no Region yet).</returns>
    public static DnsEndPoint? EndpointOf(IClientConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!string.IsNullOrEmpty(config.ServiceURL))
        {
            return Uri.TryCreate(config.ServiceURL, UriKind.Absolute, out var uri) ? new DnsEndPoint(uri.IdnHost, uri.Port) : null;
        }

        return config.RegionEndpoint is { } region ? new DnsEndPoint($"ssm.{region.SystemName}.{region.PartitionDnsSuffix}", 443) : null;
    }

    /// <summary>Starts connecting to <paramref name="endpoint"/>; the first request for it takes the connection.</summary>
    /// <returns>Completes when the connect has succeeded or failed; never fails.</returns>
    public Task OpenEarly(DnsEndPoint endpoint)
    {
        var connection = new EarlyConnection(endpoint, ConnectEarlyAsync(endpoint), time.GetTimestamp());
        Interlocked.Exchange(ref this.early, connection)?.Close();
        return connection.Connecting.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The handler's <c>ConnectCallback</c>: the early connection when it fits, else a new one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Interlocked.Exchange(ref this.early, null) is { } connection)
        {
            if (connection.Fits(context.DnsEndPoint) && time.GetElapsedTime(connection.OpenedAt) < UseWithin)
            {
                try
                {
                    return new NetworkStream(await connection.Connecting.WaitAsync(cancellationToken), ownsSocket: true);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The request gave up first: the connection, should it still come, is not left open.
                    connection.Close();
                    throw;
                }
                catch (Exception exception) when (exception is SocketException or OperationCanceledException)
                {
                    // The early connect failed or gave up (SSM was not reachable then): this request tries on its own.
                }
            }
            else
            {
                connection.Close();
            }
        }

        return new NetworkStream(await ConnectAsync(context.DnsEndPoint, cancellationToken), ownsSocket: true);
    }

    /// <summary>Bounded as one SDK attempt is: a connect that hangs longer is given up, and the request connects afresh.</summary>
    private static async Task<Socket> ConnectEarlyAsync(DnsEndPoint endpoint)
    {
        using var bound = new CancellationTokenSource(SsmClientFactory.AttemptTimeout);
        return await ConnectAsync(endpoint, bound.Token);
    }

    private static async Task<Socket> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed record EarlyConnection(DnsEndPoint Endpoint, Task<Socket> Connecting, long OpenedAt)
    {
        public bool Fits(DnsEndPoint requested) =>
            requested.Port == Endpoint.Port && string.Equals(requested.Host, Endpoint.Host, StringComparison.OrdinalIgnoreCase);

        /// <summary>Closes the connection once its connect is over, whichever way that went.</summary>
        public void Close() => Connecting.ContinueWith(connect =>
        {
            if (connect.IsCompletedSuccessfully)
            {
                connect.Result.Dispose();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
