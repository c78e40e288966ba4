namespace ButtonToPlug.Kasa.Tests;

/// <summary>A clock the test moves by hand, to reach the end of a KLAP session's advertised lifetime without waiting.</summary>
internal sealed class KlapManualClock : TimeProvider
{
    private long ticks = 1;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref this.ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref this.ticks, by.Ticks);
}
