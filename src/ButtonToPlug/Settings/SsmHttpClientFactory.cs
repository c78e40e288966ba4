using System.Net;
using Amazon.Runtime;

namespace ButtonToPlug.Settings;

/// <summary>
/// The SSM client's <see cref="HttpClient"/>: what the SDK would build itself (a <see cref="SocketsHttpHandler"/> with the
/// client's timeout, connect timeout, connection limit, redirect rule and proxy, no automatic decompression), except that
/// its connections come from <see cref="SsmConnector"/>, so the first request can ride the connection opened at start-up.
/// The SDK keeps the client it gets for the life of the SSM client, as it does its own.
/// </summary>
internal sealed class SsmHttpClientFactory(SsmConnector connector) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
            EnableMultipleHttp2Connections = true,
        };
        if (clientConfig.ConnectTimeout is { } connectTimeout)
        {
            handler.ConnectTimeout = connectTimeout;
        }

        if (clientConfig.MaxConnectionsPerServer is { } limit)
        {
            handler.MaxConnectionsPerServer = limit;
        }

        if (clientConfig.GetWebProxy() is { } proxy)
        {
            if (clientConfig.ProxyCredentials is { } credentials)
            {
                proxy.Credentials = credentials;
            }

            handler.Proxy = proxy;
        }

        var http = new HttpClient(handler, disposeHandler: true);
        if (clientConfig.Timeout is { } timeout)
        {
            http.Timeout = timeout;
        }

        return http;
    }
}
