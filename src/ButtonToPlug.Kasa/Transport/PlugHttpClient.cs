using System.Net;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>The <see cref="HttpClient"/> the HTTP transports (KLAP, AES) reach one plug with.</summary>
internal static class PlugHttpClient
{
    /// <param name="connectTimeout">The plug timeout, for the connect alone; each exchange bounds itself with the same.</param>
    /// <param name="connect">How to open the connection, when the channel wants to know that the port accepted it.</param>
    public static HttpClient Create(TimeSpan connectTimeout, Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            // The transports keep the session cookie themselves: the device packs a TIMEOUT pair into Set-Cookie that it does
            // not want back.
            UseCookies = false,
            // The plug is reached directly (LAN or port-forward); a proxy from the environment would only get in the way.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (connect is not null)
        {
            handler.ConnectCallback = connect;
        }

        // Each exchange has its own timeout (a linked token), which the client's own would only race.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
