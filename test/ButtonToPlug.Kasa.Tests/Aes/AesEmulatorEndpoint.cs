using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests.Aes;

/// <summary>The emulator lives in the shared testing library, which does not know the Kasa types; this names its endpoint.</summary>
internal static class AesEmulatorEndpoint
{
    public static KasaEndpoint Endpoint(this AesDeviceEmulator device) => new(device.Host, device.Port);
}
