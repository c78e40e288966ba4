using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ButtonToPlug.Runtime;

/// <summary>The Lambda Runtime API over one HttpClient, created once per process.</summary>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    // The Runtime API lives inside the sandbox and answers at once; a post that hangs means it is gone.
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient http;
    private readonly Uri nextUri;
    private readonly Uri initErrorUri;

    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c>.</param>
    public RuntimeApiClient(string runtimeApi)
    {
        var handler = new SocketsHttpHandler
        {
            // A proxy variable in the function's environment must not reroute the sandbox-local API.
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ActivityHeadersPropagator = null,
            ConnectTimeout = PostTimeout,
        };
        var baseUri = new Uri($"http://{runtimeApi}/2018-06-01/runtime/");
        // No client timeout: invocation/next is a long poll that returns only when an event arrives.
        this.http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        this.nextUri = new Uri(baseUri, "invocation/next");
        this.initErrorUri = new Uri(baseUri, "init/error");
    }

    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await this.http.GetAsync(this.nextUri, cancellationToken);
            ThrowUnlessSuccess(response, "invocation/next");
            var headers = response.Headers.NonValidated;
            var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
                ?? throw new RuntimeApiException("invocation/next answered without Lambda-Runtime-Aws-Request-Id", null);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new RuntimeInvocation(
                requestId,
                ParseDeadline(Header(headers, "Lambda-Runtime-Deadline-Ms")),
                Header(headers, "Lambda-Runtime-Trace-Id"),
                body)
            {
                ClientContext = Header(headers, "Lambda-Runtime-Client-Context"),
                CognitoIdentity = Header(headers, "Lambda-Runtime-Cognito-Identity"),
            };
        }
        catch (HttpRequestException exception)
        {
            throw new RuntimeApiException($"invocation/next failed: {exception.Message}", null, exception);
        }
    }

    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken) =>
        PostAsync(InvocationUri(requestId, "response"), new ReadOnlyMemoryContent(response), errorType: null, cancellationToken);

    public Task PostErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync(InvocationUri(requestId, "error"), ErrorContent(error), error.ErrorType, cancellationToken);

    public Task PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync(this.initErrorUri, ErrorContent(error), error.ErrorType, cancellationToken);

    public void Dispose() => this.http.Dispose();

    private async Task PostAsync(Uri uri, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorType);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PostTimeout);
        try
        {
            using var response = await this.http.SendAsync(request, timeout.Token);
            ThrowUnlessSuccess(response, uri.AbsolutePath);
        }
        catch (HttpRequestException exception)
        {
            throw new RuntimeApiException($"POST {uri.AbsolutePath} failed: {exception.Message}", null, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RuntimeApiException($"POST {uri.AbsolutePath} got no answer within {PostTimeout.TotalSeconds:0} s", null, exception);
        }
    }

    private Uri InvocationUri(string requestId, string outcome) =>
        new(this.http.BaseAddress!, $"invocation/{Uri.EscapeDataString(requestId)}/{outcome}");

    private static ByteArrayContent ErrorContent(RuntimeError error) =>
        new(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.RuntimeError));

    private static void ThrowUnlessSuccess(HttpResponseMessage response, string call)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException($"{call} answered {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
        }
    }

    private static string? Header(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static DateTimeOffset ParseDeadline(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs)
            ? DateTimeOffset.FromUnixTimeMilliseconds(unixMs)
            : DateTimeOffset.MaxValue;
}
