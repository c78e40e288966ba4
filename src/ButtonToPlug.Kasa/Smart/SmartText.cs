using System.Text;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>SMART devices send names (<c>nickname</c>, <c>ssid</c>) as base64 of UTF-8.</summary>
internal static class SmartText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded name; a value that is not base64 of UTF-8 is shown as it came, rather than failing the click.</summary>
    public static string Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return "";
        }

        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return base64;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return base64;
        }
    }
}
