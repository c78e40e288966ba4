namespace ButtonToPlug.Kasa;

/// <summary>Where a plug answers: a host name or IP (often a router's public name in front of a port-forward) and a port.</summary>
public sealed record KasaEndpoint(string Host, int Port)
{
    /// <summary>The port of the legacy XOR protocol over TCP (and of UDP discovery).</summary>
    public const int LegacyPort = 9999;

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
