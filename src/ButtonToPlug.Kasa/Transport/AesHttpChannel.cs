using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// POSTs JSON to one device's <c>/app</c> with a timeout on each exchange, and turns HTTP failures into <see cref="KasaException"/>s
/// that say whether a command may have reached the device.
/// </summary>
/// <remarks>
/// Every exchange goes on its own connection (<c>Connection: close</c>). Plugs on AES firmware (the P100 is reported to) close
/// the connection after every answer without saying so; a pooled connection could then carry a request into a socket the plug
/// has already closed, and .NET's own resend of such a request would be a second, unasked-for delivery of a switch. A fresh
/// connection per exchange costs one TCP handshake and rules both out.
/// </remarks>
internal sealed class AesHttpChannel : IDisposable
{
    // An answer is a few kilobytes at most; a bigger one is not from a plug.
    private const int MaxReplyBytes = 256 * 1024;

    private readonly HttpClient http;
    private readonly Uri appUri;
    private readonly TimeSpan timeout;

    public AesHttpChannel(KasaEndpoint endpoint, TimeSpan timeout)
    {
        Endpoint = endpoint;
        this.timeout = timeout;
        this.http = PlugHttpClient.Create(timeout);
        this.http.MaxResponseContentBufferSize = MaxReplyBytes;
        this.appUri = new UriBuilder(Uri.UriSchemeHttp, endpoint.Host, endpoint.Port, "/app").Uri;
    }

    public KasaEndpoint Endpoint { get; }

    /// <param name="token">The login token for <c>/app?token=…</c>, or null before login.</param>
    /// <param name="cookie">The <c>Cookie</c> header value, or null.</param>
    /// <param name="carriesCommand">True when the body is a command the device might carry out, false for the handshake and login.</param>
    public async Task<AesHttpReply> PostAsync(byte[] json, string? token, string? cookie, bool carriesCommand, CancellationToken cancellationToken)
    {
        // ByteArrayContent announces its Content-Length; plugs answer a chunked handshake with HTTP 500.
        using var content = new KlapRequestContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var uri = token is null ? this.appUri : new UriBuilder(this.appUri) { Query = "token=" + Uri.EscapeDataString(token) }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.ConnectionClose = true;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(this.timeout);
        try
        {
            using var response = await this.http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
            return new AesHttpReply((int)response.StatusCode, body, setCookies);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && exception.InnerException is TimeoutException)
        {
            throw new KasaUnreachableException(
                Endpoint, $"no connection within {Seconds}; check the host, the port-forward and that the plug is powered", requestSent: false, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && !carriesCommand && content.WritingStarted)
        {
            // An AES plug answers its handshake at once; a legacy XOR plug reads "POST" as an absurd frame length and waits.
            throw new KasaProtocolException(
                Endpoint, $"connected, but no HTTP answer to the AES handshake or login within {Seconds}, so this port does not seem to speak AES", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KasaUnreachableException(Endpoint, $"no answer to POST /app within {Seconds}", carriesCommand && content.WritingStarted, exception);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError)
        {
            var what = carriesCommand ? "the answer to a request is not valid HTTP" : "the answer is not HTTP, so this port does not speak AES";
            throw new KasaProtocolException(Endpoint, $"{what} ({exception.Message})", exception);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ResponseEnded && !carriesCommand)
        {
            throw new KasaProtocolException(
                Endpoint, "the connection closed without an HTTP answer to the AES handshake or login, so this port does not speak AES", exception);
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
            throw new KasaUnreachableException(Endpoint, $"{what} (POST /app: {exception.Message})", carriesCommand && content.WritingStarted, exception);
        }
    }

    public void Dispose() => this.http.Dispose();

    private string Seconds => $"{this.timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
