using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Hostile;

/// <summary>
/// Peers that misbehave on purpose: each failure has the right class and names host:port. Only the peer that never answers
/// runs into the transport's timeout; every other peer acts at once, so the client gets a timeout far longer than the test's
/// hang bound and a failure that arrives through the timer instead of the peer's act fails the test.
/// </summary>
public sealed class HostilePeerTests
{
    // A whole second, not less: with 0.5 s a loaded machine sometimes spent the budget on the loopback connect and write, and
    // the silent peer's test failed as "could not send" instead of "no answer".
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    // Reaching it means the client hung, or waited for bytes that never come, which fails the test.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    // Longer than Hang: a peer's act, not the transport's timer, must end these exchanges.
    private static readonly TimeSpan PatientTimeout = TimeSpan.FromSeconds(120);

    private const string SysInfo = """{"system":{"get_sysinfo":{"model":"HS100(US)","alias":"fake","relay_state":1,"err_code":0}}}""";

    [Fact]
    public async Task NeverAnswers_IsUnreachableAfterTheRequestWasSent()
    {
        await using var plug = AfterTheRequest(connection => connection.SilenceAsync());

        var error = await FailsWith<KasaUnreachableException>(Endpoint(plug), ShortTimeout);

        Assert.True(error.RequestSent);
        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosesWithoutAnswering_IsUnreachableAfterTheRequestWasSent()
    {
        await using var plug = AfterTheRequest(connection => connection.Hangup());

        var error = await FailsWith<KasaUnreachableException>(Endpoint(plug));

        Assert.True(error.RequestSent);
    }

    [Fact]
    public async Task ResetsTheConnection_IsUnreachable()
    {
        await using var plug = AfterTheRequest(connection => connection.Reset());

        var error = await FailsWith<KasaUnreachableException>(Endpoint(plug));

        Assert.True(error.RequestSent);
    }

    [Theory]
    [InlineData("000000", "inside its length header")]
    [InlineData("00000064d0f281", "cut off after 3 of 100 bytes")]
    public async Task ClosesMidFrame_IsProtocolError(string sentHex, string expected)
    {
        await using var plug = AfterTheRequest(async connection =>
        {
            await connection.SendAsync(Convert.FromHexString(sentHex));
            connection.Hangup();
        });

        var error = await FailsWith<KasaProtocolException>(Endpoint(plug));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ffffffff", "4294967295")]
    [InlineData("00100001", "1048577")]
    public async Task AnnouncesAbsurdLength_IsProtocolErrorWithoutWaitingForTheBytes(string headerHex, string announced)
    {
        await using var plug = AfterTheRequest(connection => SendThenSilenceAsync(connection, headerHex));

        var error = await FailsWith<KasaProtocolException>(Endpoint(plug));

        Assert.Contains($"announces {announced} bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000a00112233445566778899")]
    [InlineData("00000000")]
    public async Task SendsGarbageFrame_IsProtocolError(string frameHex)
    {
        await using var plug = AfterTheRequest(connection => SendThenSilenceAsync(connection, frameHex));

        await FailsWith<KasaProtocolException>(Endpoint(plug));
    }

    [Fact]
    public async Task NothingListening_IsUnreachableBeforeAnythingWasSent()
    {
        var endpoint = new KasaEndpoint("127.0.0.1", FreePort.Next());

        var error = await FailsWith<KasaUnreachableException>(endpoint);

        Assert.False(error.RequestSent);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostNameThatDoesNotResolve_IsUnreachableBeforeAnythingWasSent()
    {
        var endpoint = new KasaEndpoint("no-such-plug.invalid", 9999);

        // A resolver without a network may wait for its own timeout; the short one keeps that inside the hang bound.
        var error = await FailsWith<KasaUnreachableException>(endpoint, ShortTimeout);

        Assert.False(error.RequestSent);
    }

    [Fact]
    public async Task AnswerInManySmallSegments_IsReadWhole()
    {
        var padded = SysInfo.Replace("\"fake\"", $"\"{new string('x', 3000)}\"", StringComparison.Ordinal);
        await using var plug = AfterTheRequest(async connection =>
        {
            var frame = PlugConnection.Frame(padded);
            for (var offset = 0; offset < frame.Length; offset += 1000)
            {
                await connection.SendAsync(frame.AsMemory(offset, Math.Min(1000, frame.Length - offset)));
            }
        });
        await using var transport = new XorTcpTransport(Endpoint(plug), PatientTimeout);

        var info = await new KasaClient(transport).GetSysInfoAsync(CancellationToken.None).WaitAsync(Hang);

        Assert.Equal(3000, info.Alias.Length);
    }

    [Fact]
    public async Task CallerCancels_IsCancellationNotUnreachable()
    {
        var requestRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var plug = AfterTheRequest(connection =>
        {
            requestRead.TrySetResult();
            return connection.SilenceAsync();
        });
        await using var transport = new XorTcpTransport(Endpoint(plug), PatientTimeout);
        using var cancel = new CancellationTokenSource();

        var read = new KasaClient(transport).GetSysInfoAsync(cancel.Token);
        await requestRead.Task.WaitAsync(Hang);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read).WaitAsync(Hang);
    }

    /// <summary>A plug whose every connection reads one request (whether or not one came), then does <paramref name="act"/>.</summary>
    private static ScriptedPlug AfterTheRequest(Func<PlugConnection, Task> act) => ScriptedPlug.Start(async connection =>
    {
        await connection.ReadRequestAsync();
        await act(connection);
    });

    private static ScriptedPlug AfterTheRequest(Action<PlugConnection> act) => AfterTheRequest(connection =>
    {
        act(connection);
        return Task.CompletedTask;
    });

    private static async Task SendThenSilenceAsync(PlugConnection connection, string hex)
    {
        await connection.SendAsync(Convert.FromHexString(hex));
        await connection.SilenceAsync();
    }

    private static KasaEndpoint Endpoint(ScriptedPlug plug) => new(ScriptedPlug.Host, plug.Port);

    private static async Task<T> FailsWith<T>(KasaEndpoint endpoint, TimeSpan? timeout = null)
        where T : KasaException
    {
        await using var transport = new XorTcpTransport(endpoint, timeout ?? PatientTimeout);
        var error = await Assert.ThrowsAsync<T>(() => new KasaClient(transport).GetSysInfoAsync(CancellationToken.None)).WaitAsync(Hang);
        Assert.Equal(endpoint, error.Endpoint);
        Assert.StartsWith($"{endpoint}: ", error.Message, StringComparison.Ordinal);
        return error;
    }
}
