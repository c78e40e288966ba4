using System.Buffers.Binary;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The TCP frame of the legacy protocol: a 4-byte big-endian length (of the encrypted payload, in bytes) followed by
/// the XOR-encrypted UTF-8 JSON. Pure code over spans; the transports own the I/O.
/// </summary>
internal static class KasaFrame
{
    public const int HeaderLength = 4;

    /// <summary>
    /// Real answers are at most a few tens of KB (a strip's sysinfo, a month of energy stats); anything announcing more
    /// than this is not a plug, and honouring it would let a hostile peer make us allocate gigabytes.
    /// </summary>
    public const int MaxPayloadLength = 1024 * 1024;

    public static int FrameLength(int payloadLength) => HeaderLength + payloadLength;

    /// <summary>Writes header and encrypted payload into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> plainPayload, Span<byte> destination)
    {
        var length = FrameLength(plainPayload.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, the frame needs {length}", nameof(destination));
        }

        BinaryPrimitives.WriteInt32BigEndian(destination, plainPayload.Length);
        XorCipher.Encrypt(plainPayload, destination[HeaderLength..length]);
        return length;
    }

    /// <summary>Reads the payload length a header announces; false when it is beyond <see cref="MaxPayloadLength"/>.</summary>
    public static bool TryReadPayloadLength(ReadOnlySpan<byte> header, out uint announced)
    {
        announced = BinaryPrimitives.ReadUInt32BigEndian(header);
        return announced <= MaxPayloadLength;
    }
}
