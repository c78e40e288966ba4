namespace ButtonToPlug.Kasa.Transport;

/// <summary>What came back from one POST: status, body, the session cookies set, and the media type (to recognise an HTML page).</summary>
internal sealed record KlapHttpReply(int Status, byte[] Body, IReadOnlyList<string> SetCookies, string? MediaType)
{
    public bool IsHtml => MediaType is not null && MediaType.Contains("html", StringComparison.OrdinalIgnoreCase);
}
