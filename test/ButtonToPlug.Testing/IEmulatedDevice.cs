namespace ButtonToPlug.Testing;

/// <summary>
/// The device behind an emulated transport: a decrypted JSON request in, the JSON answer out. <see cref="KlapEmulatedPlug"/>
/// speaks IOT, <see cref="SmartEmulatedDevice"/> SMART; any transport emulator (KLAP, AES) can host either.
/// </summary>
public interface IEmulatedDevice
{
    byte[] Execute(byte[] requestJson);
}
