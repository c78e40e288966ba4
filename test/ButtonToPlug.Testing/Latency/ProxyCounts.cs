namespace ButtonToPlug.Testing.Latency;

/// <summary>What went through a <see cref="LatencyProxy"/>: connections accepted and requests the clients began.</summary>
public sealed record ProxyCounts(int Connections, int Requests)
{
    public override string ToString() => $"{Connections}/{Requests}";
}
