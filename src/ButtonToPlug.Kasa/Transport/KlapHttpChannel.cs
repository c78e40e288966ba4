using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// POSTs to one device's <c>/app/…</c> endpoints with a timeout on each exchange, and turns HTTP failures into
/// <see cref="KasaException"/>s that name the endpoint and say whether a command may have reached the device.
/// </summary>
internal sealed class KlapHttpChannel : IDisposable
{
    // A KLAP answer is a few kilobytes at most; a bigger one is not from a plug.
    private const int MaxReplyBytes = 256 * 1024;

    private readonly HttpClient http;
    private readonly Uri appUri;
    private readonly TimeSpan timeout;
    private volatile bool connected;

    public KlapHttpChannel(KasaEndpoint endpoint, TimeSpan timeout)
    {
        Endpoint = endpoint;
        this.timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeout,
            // The device's Set-Cookie carries a TIMEOUT pair it does not want back; the transport sends only the session id.
            UseCookies = false,
            // The plug is reached directly (LAN or port-forward); a proxy from the environment would only get in the way.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            // A click makes its requests within a second; an older idle connection may already be gone at the router or plug.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = ConnectAsync,
        };
        this.http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxReplyBytes,
        };
        this.appUri = new UriBuilder(Uri.UriSchemeHttp, endpoint.Host, endpoint.Port, "/app/").Uri;
    }

    public KasaEndpoint Endpoint { get; }

    /// <param name="relativePath">The part after <c>/app/</c>, e.g. <c>handshake1</c> or <c>request?seq=5</c>.</param>
    /// <param name="cookie">The <c>Cookie</c> header value, or null.</param>
    /// <param name="carriesCommand">True when the body is a command the device might carry out, false for handshake steps.</param>
    public async Task<KlapHttpReply> PostAsync(string relativePath, byte[] body, string? cookie, bool carriesCommand, CancellationToken cancellationToken)
    {
        using var content = new KlapRequestContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(this.appUri, relativePath)) { Content = content };
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(this.timeout);
        try
        {
            using var response = await this.http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
            return new KlapHttpReply((int)response.StatusCode, bytes, setCookies, response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && exception.InnerException is TimeoutException)
        {
            // The handler's connect timeout: nothing was sent.
            throw new KasaUnreachableException(
                Endpoint, $"no connection within {Seconds}; check the host, the port-forward and that the plug is powered", requestSent: false, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && this.connected && !carriesCommand)
        {
            // A KLAP plug answers a handshake at once; a legacy XOR plug reads "POST" as an absurd frame length and waits forever.
            throw new KasaProtocolException(
                Endpoint, $"connected, but no HTTP answer to POST /app/{relativePath} within {Seconds}, so this port does not seem to speak KLAP", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KasaUnreachableException(
                Endpoint, $"no answer to POST /app/{PathOnly(relativePath)} within {Seconds}", carriesCommand && content.WritingStarted, exception);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError)
        {
            var what = carriesCommand ? "the answer to a request is not valid HTTP" : "the answer is not HTTP, so this port does not speak KLAP";
            throw new KasaProtocolException(Endpoint, $"{what} ({exception.HttpRequestError})", exception);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ResponseEnded && !carriesCommand)
        {
            // A legacy XOR plug reads "POST" as an absurd frame length and hangs up; a KLAP plug always answers a handshake.
            throw new KasaProtocolException(
                Endpoint, $"the connection closed without an HTTP answer to POST /app/{relativePath}, so this port does not speak KLAP", exception);
        }
        catch (HttpRequestException exception)
        {
            var what = exception.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "cannot resolve the host name",
                HttpRequestError.ConnectionError when exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                    "connection refused: nothing listens on that port (check the port-forward and the plug's address)",
                HttpRequestError.ConnectionError => "cannot connect or the connection broke",
                HttpRequestError.ResponseEnded => "the connection closed before an answer came",
                _ => "the HTTP exchange failed",
            };
            throw new KasaUnreachableException(
                Endpoint, $"{what} (POST /app/{PathOnly(relativePath)}: {exception.HttpRequestError}{(exception.InnerException is SocketException { } socket ? $", {socket.SocketErrorCode}" : "")})", carriesCommand && content.WritingStarted, exception);
        }
    }

    public void Dispose() => this.http.Dispose();

    private string Seconds => $"{this.timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    /// <summary>Connects like the default handler does, and notes that the port accepted a connection.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        this.connected = true;
        return new NetworkStream(socket, ownsSocket: true);
    }

    private static string PathOnly(string relativePath)
    {
        var query = relativePath.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? relativePath : relativePath[..query];
    }
}
