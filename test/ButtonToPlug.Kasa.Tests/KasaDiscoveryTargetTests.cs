using System.Net;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>The default discovery target is a value no caller can change under another.</summary>
public sealed class KasaDiscoveryTargetTests
{
    [Fact]
    public void Broadcast_ChangedByOneCaller_IsUnchangedForTheNext()
    {
        var mine = KasaDiscovery.Broadcast;
        mine.Port = 1;
        mine.Address = IPAddress.Loopback;

        Assert.Equal(new IPEndPoint(IPAddress.Broadcast, KasaEndpoint.LegacyPort), KasaDiscovery.Broadcast);
    }
}
