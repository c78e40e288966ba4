using System.Globalization;
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
        this.http = PlugHttpClient.Create(timeout, ConnectAsync);
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

        // Every exchange gets a connection of its own and gives it up after the answer. Some plugs close after every answer
        // without saying so (P100; HTTP/1.0 without keep-alive), and a request written into such a connection is lost or, worse,
        // resent by the connection pool; a request on a connection opened for it cannot meet a connection the plug already closed.
        request.Headers.ConnectionClose = true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(this.timeout);
        try
        {
            using var response = await this.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await ReadBoundedAsync(response.Content, relativePath, timeout.Token);
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
            throw new KasaProtocolException(Endpoint, $"{what} (POST /app/{PathOnly(relativePath)}: {exception.HttpRequestError})", exception);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ResponseEnded && !carriesCommand)
        {
            // A legacy XOR plug reads "POST" as an absurd frame length and hangs up; a KLAP plug always answers a handshake.
            throw new KasaProtocolException(
                Endpoint, $"the connection closed without an HTTP answer to POST /app/{relativePath}, so this port does not speak KLAP", exception);
        }
        catch (HttpRequestException exception)
        {
            // The words are ours and name the socket error; the runtime's own message may repeat the host, which must not leak.
            var socketError = Inner<SocketException>(exception)?.SocketErrorCode;
            var what = exception.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "cannot resolve the host name",
                HttpRequestError.ConnectionError when socketError is SocketError.ConnectionRefused =>
                    "connection refused: nothing listens on that port (check the port-forward and the plug's address)",
                HttpRequestError.ConnectionError => "cannot connect or the connection broke",
                HttpRequestError.ResponseEnded => "the connection closed before an answer came",
                _ => "the HTTP exchange failed",
            };
            var code = socketError is { } error ? $", {error}" : "";
            throw new KasaUnreachableException(
                Endpoint, $"{what} (POST /app/{PathOnly(relativePath)}{code})", carriesCommand && content.WritingStarted, exception);
        }
        catch (IOException exception)
        {
            // The body broke off after the headers had come: the device had the request and answered it.
            var code = Inner<SocketException>(exception)?.SocketErrorCode is { } error ? $", {error}" : "";
            throw new KasaUnreachableException(
                Endpoint, $"the answer to POST /app/{PathOnly(relativePath)} broke off{code}", carriesCommand && content.WritingStarted, exception);
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

    /// <summary>Reads the body, refusing one over <see cref="MaxReplyBytes"/>: whatever sends that much is not a plug's answer.</summary>
    private async Task<byte[]> ReadBoundedAsync(HttpContent content, string relativePath, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxReplyBytes)
        {
            throw TooLarge(relativePath);
        }

        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var collected = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (collected.Length + read > MaxReplyBytes)
            {
                throw TooLarge(relativePath);
            }

            collected.Write(chunk, 0, read);
        }

        return collected.ToArray();
    }

    private KasaProtocolException TooLarge(string relativePath) =>
        new(Endpoint, $"the answer to POST /app/{PathOnly(relativePath)} is over {MaxReplyBytes / 1024} KiB; a plug's answer is a few kilobytes, so this is not a KLAP plug");

    private static T? Inner<T>(Exception exception)
        where T : Exception
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string PathOnly(string relativePath)
    {
        var query = relativePath.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? relativePath : relativePath[..query];
    }
}
