using System.Net;
using System.Net.Sockets;
using System.Text;
using ButtonToPlug.Runtime;
using ButtonToPlug.Tests.EndToEnd;

namespace ButtonToPlug.Tests.RuntimeApi;

/// <summary>The HTTP side of the runtime against the local Runtime API endpoint.</summary>
public sealed class RuntimeApiClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private LocalRuntimeApi server = null!;

    public async Task InitializeAsync() => this.server = await LocalRuntimeApi.StartAsync();

    public async Task DisposeAsync() => await this.server.DisposeAsync();

    [Fact]
    public async Task Next_ReadsEventAndHeaders()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        var before = DateTimeOffset.UtcNow;
        var requestId = this.server.Enqueue("""{"clickType":"SINGLE"}"""u8.ToArray(), "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

        var invocation = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(requestId, invocation.RequestId);
        Assert.Equal("""{"clickType":"SINGLE"}""", Encoding.UTF8.GetString(invocation.Event));
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", invocation.TraceId);
        Assert.InRange(invocation.Deadline, before.AddSeconds(29), before.AddSeconds(31));
    }

    [Fact]
    public async Task Next_ReadsTheClientContextAndCognitoIdentityHeaders()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        const string context = """{"custom":{"imsi":"295050912345678","simId":"8942310022000012345"}}""";
        const string identity = """{"cognitoIdentityId":"us-east-1:1234","cognitoIdentityPoolId":"us-east-1:pool"}""";
        this.server.Enqueue("""{"detect_type":"Single short click"}"""u8.ToArray(), clientContext: context, cognitoIdentity: identity);

        var invocation = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(context, invocation.ClientContext);
        Assert.Equal(identity, invocation.CognitoIdentity);
    }

    [Fact]
    public async Task Next_WithoutClientContext_LeavesItNull()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        this.server.Enqueue("{}"u8.ToArray());

        var invocation = await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Null(invocation.ClientContext);
        Assert.Null(invocation.CognitoIdentity);
    }

    [Fact]
    public async Task Next_WaitsForAnEventToBeQueued()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        var next = client.GetNextInvocationAsync(CancellationToken.None);
        await this.server.WaitForPollAsync(Bound);
        Assert.False(next.IsCompleted);

        var requestId = this.server.Enqueue("{}"u8.ToArray());

        Assert.Equal(requestId, (await next.WaitAsync(Bound)).RequestId);
    }

    [Fact]
    public async Task Next_WhenApiAnswers500_ThrowsAnExceptionThatRequiresExit()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        this.server.RefuseNext();

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(
            () => client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Bound));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.True(failure.RequiresExit);
    }

    [Fact]
    public async Task Next_WhenNothingListens_ThrowsAnExceptionThatRequiresExit()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var address = $"127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}";
        closed.Stop();
        using var orphan = new RuntimeApiClient(address);

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(
            () => orphan.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Bound));

        Assert.Null(failure.StatusCode);
        Assert.True(failure.RequiresExit);
    }

    [Fact]
    public async Task Response_IsRecordedForItsRequest()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        var requestId = this.server.Enqueue("{}"u8.ToArray());
        await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Bound);

        await client.PostResponseAsync(requestId, """{"after":"on"}"""u8.ToArray(), CancellationToken.None);

        var outcome = await this.server.WaitForOutcomeAsync(requestId, Bound);
        Assert.Equal("""{"after":"on"}""", outcome.ResponseText);
    }

    [Fact]
    public async Task Error_CarriesErrorTypeInHeaderAndBody()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        var requestId = this.server.Enqueue("{}"u8.ToArray());
        await client.GetNextInvocationAsync(CancellationToken.None).WaitAsync(Bound);

        await client.PostErrorAsync(requestId, new RuntimeError("no host \"x\"", "ConfigurationError"), CancellationToken.None);

        var outcome = await this.server.WaitForOutcomeAsync(requestId, Bound);
        Assert.Equal(new PostedError("ConfigurationError", "ConfigurationError", "no host \"x\"", true), outcome.Error);
    }

    [Fact]
    public async Task InitError_CarriesErrorTypeInHeaderAndBody()
    {
        using var client = new RuntimeApiClient(this.server.Address);
        await client.PostInitErrorAsync(new RuntimeError("bad start", "ConfigurationError"), CancellationToken.None);

        var error = await this.server.WaitForInitErrorAsync(Bound);
        Assert.Equal(new PostedError("ConfigurationError", "ConfigurationError", "bad start", true), error);
    }

}
