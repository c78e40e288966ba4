namespace ButtonToPlug.Testing.Latency;

/// <summary>
/// Tells requests apart in the bytes a client sends on one connection, whatever chunks they arrive in. One instance per
/// connection: it keeps where the current request ends.
/// </summary>
public interface IRequestCounter
{
    /// <returns>How many requests begin in <paramref name="bytes"/>.</returns>
    int Count(ReadOnlySpan<byte> bytes);
}
