namespace ButtonToPlug.Kasa;

/// <summary>What <c>system.get_sysinfo</c> says about a plug or power strip.</summary>
/// <param name="IsOn">The relay of a plug; for a strip, whether any outlet is on.</param>
/// <param name="DeviceType">The <c>type</c> field, or <c>mic_type</c> on firmware that names it so (e.g. IOT.SMARTPLUGSWITCH).</param>
/// <param name="Children">The outlets of a power strip, in slot order; empty for a single plug.</param>
public sealed record SysInfo(
    string Alias,
    string Model,
    string DeviceId,
    string Mac,
    string SoftwareVersion,
    string HardwareVersion,
    bool IsOn,
    long OnTimeSeconds,
    bool LedOff,
    string DeviceType,
    IReadOnlyList<OutletInfo> Children)
{
    public bool IsStrip => Children.Count > 0;
}
