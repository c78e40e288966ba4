using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Support;

/// <summary>
/// A hand-written SSM endpoint on loopback, only for the answers moto cannot give: access denied, throttling, 5xx.
/// Each request gets whatever <see cref="Respond"/> says at that moment.
/// </summary>
public sealed class FakeSsmEndpoint : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private int requests;

    public FakeSsmEndpoint()
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    /// <summary>Status code, AWS error code (null for success) and JSON body of the next answers.</summary>
    public Func<(int Status, string? ErrorCode, string Body)> Respond { get; set; } = () => (200, null, """{"Parameters":[]}""");

    public int Requests => Volatile.Read(ref requests);

    public IAmazonSimpleSystemsManagement CreateClient() => new AmazonSimpleSystemsManagementClient(
        new BasicAWSCredentials(MotoServer.AccessKeyId, MotoServer.SecretAccessKey),
        new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = Url,
            AuthenticationRegion = MotoServer.Region,
            MaxErrorRetry = 2,
            RetryMode = RequestRetryMode.Standard,
            Timeout = TimeSpan.FromSeconds(2),
        });

    public static (int, string?, string) Error(int status, string code, string message) =>
        (status, code, $$"""{"__type":"{{code}}","message":"{{message}}"}""");

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            var (status, errorCode, body) = Respond();
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            if (errorCode is not null)
            {
                context.Response.AddHeader("x-amzn-ErrorType", errorCode);
            }

            context.Response.AddHeader("x-amzn-RequestId", Guid.NewGuid().ToString());
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
