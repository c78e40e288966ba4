namespace ButtonToPlug.Kasa;

/// <summary>
/// The JSON command language a device speaks inside whatever transport carries it: IOT (<c>{"system":{"set_relay_state":…}}</c>,
/// Kasa plugs and strips) or SMART (<c>{"method":"set_device_info",…}</c>, Tapo plugs and strips and the newest Kasa devices).
/// </summary>
public enum KasaDialect
{
    Iot,
    Smart,
}
