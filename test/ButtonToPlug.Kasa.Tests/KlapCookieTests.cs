using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Tests;

public sealed class KlapCookieTests
{
    [Theory]
    [InlineData("TP_SESSIONID=ABC123;TIMEOUT=86400", "ABC123", 86400)]
    [InlineData("TP_SESSIONID=ABC123; TIMEOUT=1440", "ABC123", 1440)]
    [InlineData("TP_SESSIONID=ABC123", "ABC123", 86400)]
    [InlineData("TIMEOUT=600;TP_SESSIONID=X", "X", 600)]
    [InlineData("TP_SESSIONID=ABC123;TIMEOUT=soon", "ABC123", 86400)]
    [InlineData("TP_SESSIONID=ABC123;TIMEOUT=0", "ABC123", 86400)]
    public void Parse_DeviceSetCookie_ReadsSessionIdAndLifetime(string header, string sessionId, int seconds)
    {
        var cookie = KlapCookie.Parse([header]);

        Assert.Equal(sessionId, cookie.SessionId);
        Assert.Equal(TimeSpan.FromSeconds(seconds), cookie.Lifetime);
        Assert.Equal($"TP_SESSIONID={sessionId}", cookie.RequestHeader);
    }

    [Theory]
    [InlineData("")]
    [InlineData("TP_SESSIONID=")]
    [InlineData("OTHER=1")]
    public void Parse_WithoutSessionId_SendsNoCookie(string header)
    {
        var cookie = KlapCookie.Parse([header]);

        Assert.Null(cookie.SessionId);
        Assert.Null(cookie.RequestHeader);
    }
}
