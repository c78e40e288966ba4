using System.Globalization;
using System.Text;

namespace ButtonToPlug.Testing.Latency;

/// <summary>
/// Counts HTTP/1.1 requests (SSM calls, KLAP POSTs): a request begins with its first header byte and ends after the
/// header block and <c>Content-Length</c> bytes of body. The clients measured here (the AWS SDKs, KLAP) send small bodies
/// with a length and never a chunked one, so chunked bodies are not taken apart here.
/// </summary>
public sealed class HttpRequestCounter : IRequestCounter
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly List<byte> header = [];
    private long bodyLeft;

    public int Count(ReadOnlySpan<byte> bytes)
    {
        var requests = 0;
        while (!bytes.IsEmpty)
        {
            if (this.bodyLeft > 0)
            {
                var skipped = (int)Math.Min(this.bodyLeft, bytes.Length);
                this.bodyLeft -= skipped;
                bytes = bytes[skipped..];
                continue;
            }

            if (this.header.Count == 0)
            {
                requests++;
            }

            this.header.Add(bytes[0]);
            bytes = bytes[1..];
            if (this.header.Count >= HeaderEnd.Length && EndsWithHeaderEnd())
            {
                this.bodyLeft = ContentLength(Encoding.ASCII.GetString([.. this.header]));
                this.header.Clear();
            }
        }

        return requests;
    }

    private bool EndsWithHeaderEnd()
    {
        for (var i = 0; i < HeaderEnd.Length; i++)
        {
            if (this.header[this.header.Count - HeaderEnd.Length + i] != HeaderEnd[i])
            {
                return false;
            }
        }

        return true;
    }

    private static long ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return length;
            }
        }

        return 0;
    }
}
