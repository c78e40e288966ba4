using ButtonToPlug.Events;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Events;

public sealed class FunctionUrlEventTests
{
    private const string Token = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("""{"clickType":"DOUBLE"}""", "", "Double", null)]
    [InlineData("""{"clickType":"long"}""", "", "Long", null)]
    [InlineData("""{"action":"on:30m"}""", "", null, "on:30m")]
    [InlineData(null, "click=double", "Double", null)]
    [InlineData(null, "click=SINGLE", "Single", null)]
    [InlineData(null, "action=off", null, "off")]
    [InlineData(null, "action=on%3A30m", null, "on:30m")]
    [InlineData("", "click=long", "Long", null)]
    public void Parse_ClickFromBodyOrQuery(string? body, string query, string? click, string? action)
    {
        var parsed = EventParser.Parse(FunctionUrlRequest.Create(body, query, headers: FunctionUrlRequest.Bearer(Token)));

        Assert.Equal(EventSource.Https, parsed.Source);
        Assert.Equal(click, parsed.ClickType?.ToString());
        Assert.Equal(action, parsed.Action?.ToString());
        Assert.NotNull(parsed.Caller);
    }

    [Fact]
    public void Parse_TokenInTheQuery_IsTheCallersToken()
    {
        var parsed = EventParser.Parse(FunctionUrlRequest.Create(null, $"click=single&token={Token}"));

        Assert.NotNull(parsed.Caller);
        Assert.DoesNotContain(Token, parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdempotencyKey_IsTheClickKey()
    {
        var parsed = EventParser.Parse(FunctionUrlRequest.Create(null, "click=single", headers: [FunctionUrlRequest.Bearer(Token), ("Idempotency-Key", "4b6f0d2e")]));

        Assert.Equal("https:4b6f0d2e", parsed.ClickKey);
    }

    [Theory]
    [InlineData("not json", "", false, "the HTTPS body is not JSON")]
    [InlineData("[1]", "", false, "the HTTPS body is a JSON array, not an object")]
    [InlineData("""{"clickType":"TRIPLE"}""", "", false, "body clickType 'TRIPLE' is not a click type")]
    [InlineData("""{"press":"yes"}""", "", false, "the HTTPS body has neither clickType nor action")]
    [InlineData(null, "click=double&action=off", false, "the query has both click and action")]
    [InlineData(null, "click=double&click=single", false, "the query gives click more than once")]
    [InlineData("""{"clickType":"SINGLE"}""", "click=double", false, "both in the body and in the query")]
    [InlineData(null, "click=triple", false, "query click 'triple' is not a click type")]
    [InlineData(null, "action=dim", false, "query action:")]
    [InlineData(null, "", false, "the HTTPS request has no click")]
    [InlineData("eyJjbGlja1R5cGUiOiJET1VCTEUifQ==", "", true, "the HTTPS body arrived base64-encoded")]
    public void Parse_BadRequest_IsInvalidEventNamingWhatWasWrong(string? body, string query, bool base64, string expected)
    {
        var failure = Assert.Throws<FunctionException>(() =>
            EventParser.Parse(FunctionUrlRequest.Create(body, query, base64, FunctionUrlRequest.Bearer(Token))));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "is not \"Bearer <token>\"")]
    [InlineData("Bearer", "is not \"Bearer <token>\"")]
    [InlineData(null, "the request carries no token")]
    public void Parse_NoBearerToken_IsUnauthorizedBeforeTheBodyIsRead(string? authorization, string expected)
    {
        (string, string)[] headers = authorization is null ? [] : [("Authorization", authorization)];

        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(FunctionUrlRequest.Create("not json", "", false, headers)));

        Assert.Equal(ErrorTypes.Unauthorized, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderNameOfInvalidUtf8_IsInvalidEventNotACrash()
    {
        var head = System.Text.Encoding.UTF8.GetBytes("{\"requestContext\":{\"http\":{}},\"headers\":{\"x-");
        var tail = System.Text.Encoding.UTF8.GetBytes("\":\"1\"},\"rawQueryString\":\"click=single&token=t\"}");
        byte[] request = [.. head, 0xC3, 0x28, .. tail];

        var failure = Assert.Throws<FunctionException>(() => EventParser.Parse(request));

        Assert.Equal(ErrorTypes.InvalidEvent, failure.ErrorType);
        Assert.Contains("not valid UTF-8", failure.Message, StringComparison.Ordinal);
    }
}
