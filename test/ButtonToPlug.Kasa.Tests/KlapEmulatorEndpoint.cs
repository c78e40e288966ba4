using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>The emulator lives in the shared testing library, which does not know the Kasa types; this names its endpoint.</summary>
internal static class KlapEmulatorEndpoint
{
    public static KasaEndpoint Endpoint(this KlapDeviceEmulator device) => new(device.Host, device.Port);
}
