using System.Text.Json;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Faults;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Https;

/// <summary>HTTPS clicks through <see cref="Function.HandleAsync"/>: answered with a status and never thrown, the token checked before the plug.</summary>
public sealed class FunctionUrlClickTests : IDisposable
{
    private const string Token = "s3cr3t-webhook-token-0123456789abcdefXYZ";

    private readonly CapturedLog log = new();

    public void Dispose() => this.log.Dispose();

    [Fact]
    public async Task DoubleClick_WithTheToken_SwitchesOnAndAnswers200WithTheResult()
    {
        await using var plug = ScriptedPlug.Working(relayOn: false);

        var (status, body) = await SendAsync(plug, FunctionUrlRequest.Create("""{"clickType":"DOUBLE"}""", headers: FunctionUrlRequest.Bearer(Token)));

        Assert.Equal(200, status);
        Assert.Equal("on", body.GetProperty("after").GetString());
        Assert.Equal("DOUBLE", body.GetProperty("clickType").GetString());
        Assert.True(plug.RelayOn);
        Assert.Equal("Https", this.log.ClickLines.Single().GetProperty("source").GetString());
    }

    [Fact]
    public async Task QueryToken_ForClientsThatCannotSetHeaders_IsAccepted()
    {
        await using var plug = ScriptedPlug.Working(relayOn: true);

        var (status, _) = await SendAsync(plug, FunctionUrlRequest.Create(null, $"click=long&token={Token}"));

        Assert.Equal(200, status);
        Assert.False(plug.RelayOn);
    }

    public static TheoryData<string, string> WrongTokens => new()
    {
        { "wrong length", Token[..^1] },
        { "other letter case", Token.ToUpperInvariant() },
        { "same length, other text", new string('x', Token.Length) },
        { "longer", Token + "0" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task WrongToken_Is401_AndThePlugIsNeverContacted(string why, string token)
    {
        await using var plug = ScriptedPlug.Working();

        var (status, body) = await SendAsync(plug, FunctionUrlRequest.Create(null, "click=single", headers: ("Authorization", $"Bearer {token}")));

        Assert.True(status == 401, why);
        Assert.Equal(ErrorTypes.Unauthorized, body.GetProperty("errorType").GetString());
        Assert.Equal(0, plug.Connections);
        AssertTokenNeverShown(body);
    }

    [Fact]
    public async Task NoToken_Is401_WithoutReadingSettings()
    {
        var settings = new CountingSettings();
        var function = new Function(settings, this.log.Writer, TimeProvider.System);

        var answer = await function.HandleAsync(FunctionUrlRequest.Create(null, "click=single"), Faults.Clicks.FarDeadline(), CancellationToken.None);

        using var json = JsonDocument.Parse(answer);
        Assert.Equal(401, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(0, settings.Reads);
    }

    [Fact]
    public async Task NoWebhookTokenParameter_RefusesEveryHttpsClick()
    {
        await using var plug = ScriptedPlug.Working();
        var function = new Function(new StubSettings(StubSettings.For(plug.Port)), this.log.Writer, TimeProvider.System);

        var answer = await function.HandleAsync(FunctionUrlRequest.Create(null, "click=single", headers: FunctionUrlRequest.Bearer(Token)), Faults.Clicks.FarDeadline(), CancellationToken.None);

        using var json = JsonDocument.Parse(answer);
        Assert.Equal(401, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Contains("HTTPS clicks are off", json.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, plug.Connections);
    }

    [Theory]
    [InlineData("not json", false, "the HTTPS body is not JSON")]
    [InlineData("eyJjbGlja1R5cGUiOiJET1VCTEUifQ==", true, "base64-encoded")]
    public async Task BadBody_Is400InvalidEvent_AndSwitchesNothing(string body, bool base64, string expected)
    {
        await using var plug = ScriptedPlug.Working();

        var (status, error) = await SendAsync(plug, FunctionUrlRequest.Create(body, "", base64, FunctionUrlRequest.Bearer(Token)));

        Assert.Equal(400, status);
        Assert.Equal(ErrorTypes.InvalidEvent, error.GetProperty("errorType").GetString());
        Assert.Contains(expected, error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, plug.Connections);
    }

    [Fact]
    public async Task PlugUnreachable_Is504_NotAFailedInvocation()
    {
        var nothingListens = FreePort.Next();
        var function = new Function(new StubSettings(StubSettings.For(nothingListens, "2", (SettingNames.WebhookToken, Token))), this.log.Writer, TimeProvider.System);

        var answer = await function.HandleAsync(FunctionUrlRequest.Create(null, "action=on", headers: FunctionUrlRequest.Bearer(Token)), Faults.Clicks.FarDeadline(), CancellationToken.None);

        using var json = JsonDocument.Parse(answer);
        Assert.Equal(504, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/json", json.RootElement.GetProperty("headers").GetProperty("content-type").GetString());
        using var body = JsonDocument.Parse(json.RootElement.GetProperty("body").GetString()!);
        Assert.Equal(ErrorTypes.PlugUnreachable, body.RootElement.GetProperty("errorType").GetString());
    }

    [Theory]
    [InlineData(ErrorTypes.Unauthorized, 401)]
    [InlineData(ErrorTypes.InvalidEvent, 400)]
    [InlineData(ErrorTypes.ConfigurationError, 500)]
    [InlineData(ErrorTypes.InternalError, 500)]
    [InlineData(ErrorTypes.PlugError, 502)]
    [InlineData(ErrorTypes.ProtocolError, 502)]
    [InlineData(ErrorTypes.PlugUnreachable, 504)]
    public void StatusFor_EachErrorType_IsTheContractsStatus(string errorType, int status) =>
        Assert.Equal(status, ButtonToPlug.Https.FunctionUrlExchange.StatusFor(errorType));

    [Fact]
    public async Task Token_NeverAppearsInTheLogOrTheAnswer()
    {
        await using var plug = ScriptedPlug.Working();
        var function = new Function(new StubSettings(StubSettings.For(plug.Port, "2", (SettingNames.WebhookToken, Token))), this.log.Writer, TimeProvider.System);
        byte[][] requests =
        [
            FunctionUrlRequest.Create(null, "click=single", headers: FunctionUrlRequest.Bearer(Token)),
            FunctionUrlRequest.Create(null, $"click=triple&token={Token}"),
            FunctionUrlRequest.Create(null, $"click=single&token={Token}x"),
        ];

        var answers = new List<string>();
        foreach (var request in requests)
        {
            answers.Add(System.Text.Encoding.UTF8.GetString(await function.HandleAsync(request, Faults.Clicks.FarDeadline(), CancellationToken.None)));
        }

        Assert.All(answers, answer => Assert.DoesNotContain(Token, answer, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, this.log.Text, StringComparison.Ordinal);
        Assert.Equal(3, this.log.ClickLines.Count);
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(ScriptedPlug plug, byte[] request)
    {
        var function = new Function(new StubSettings(StubSettings.For(plug.Port, "2", (SettingNames.WebhookToken, Token))), this.log.Writer, TimeProvider.System);
        var answer = await function.HandleAsync(request, Faults.Clicks.FarDeadline(), CancellationToken.None);
        using var json = JsonDocument.Parse(answer);
        var body = JsonDocument.Parse(json.RootElement.GetProperty("body").GetString()!).RootElement.Clone();
        return (json.RootElement.GetProperty("statusCode").GetInt32(), body);
    }

    private static void AssertTokenNeverShown(JsonElement body) => Assert.DoesNotContain(Token, body.GetRawText(), StringComparison.Ordinal);

    /// <summary>Counts reads and fails them, so a test sees whether the click got as far as the settings.</summary>
    private sealed class CountingSettings : ISettingsSource
    {
        private int reads;

        public int Reads => this.reads;

        public Task<SettingsRead> GetAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref this.reads);
            return Task.FromException<SettingsRead>(new FunctionException(ErrorTypes.ConfigurationError, "not to be read"));
        }
    }
}
