using System.Text.Json;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>Checks that a decrypted reply is one well-formed JSON value, which is what makes an unsigned-looking reply trustworthy.</summary>
internal static class KlapReplyContent
{
    public static bool IsJson(ReadOnlySpan<byte> plaintext)
    {
        var reader = new Utf8JsonReader(plaintext, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            return reader.TokenType is not JsonTokenType.None;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
