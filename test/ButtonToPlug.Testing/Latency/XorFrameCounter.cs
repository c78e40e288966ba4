using System.Buffers.Binary;

namespace ButtonToPlug.Testing.Latency;

/// <summary>Counts Kasa XOR/TCP frames: a 4-byte big-endian length, then that many payload bytes.</summary>
public sealed class XorFrameCounter : IRequestCounter
{
    private const int HeaderLength = 4;

    private readonly byte[] header = new byte[HeaderLength];
    private int headerFilled;
    private long payloadLeft;

    public int Count(ReadOnlySpan<byte> bytes)
    {
        var frames = 0;
        while (!bytes.IsEmpty)
        {
            if (this.payloadLeft > 0)
            {
                var skipped = (int)Math.Min(this.payloadLeft, bytes.Length);
                this.payloadLeft -= skipped;
                bytes = bytes[skipped..];
                continue;
            }

            if (this.headerFilled == 0)
            {
                frames++;
            }

            var taken = Math.Min(HeaderLength - this.headerFilled, bytes.Length);
            bytes[..taken].CopyTo(this.header.AsSpan(this.headerFilled));
            this.headerFilled += taken;
            bytes = bytes[taken..];
            if (this.headerFilled == HeaderLength)
            {
                this.payloadLeft = BinaryPrimitives.ReadUInt32BigEndian(this.header);
                this.headerFilled = 0;
            }
        }

        return frames;
    }
}
