namespace ButtonToPlug.Kasa.Smart;

/// <summary>Turns SMART device info and child lists into the <see cref="SysInfo"/> both dialects report.</summary>
internal static class SmartSysInfo
{
    /// <param name="outlets">A strip's outlets in position order; empty for a plug.</param>
    public static SysInfo From(DeviceInfoAnswer info, IReadOnlyList<OutletInfo> outlets) => new(
        Alias: SmartText.Decode(info.Nickname),
        Model: info.Model ?? "",
        DeviceId: info.DeviceId ?? "",
        Mac: info.Mac ?? "",
        SoftwareVersion: info.FirmwareVersion ?? "",
        HardwareVersion: info.HardwareVersion ?? "",
        IsOn: info.DeviceOn ?? outlets.Any(c => c.IsOn),
        OnTimeSeconds: info.OnTime ?? 0,
        LedOff: false,
        DeviceType: info.Type ?? "",
        Children: outlets);

    /// <summary>The outlets in the order of their <c>position</c> on the strip, which is what an index in the settings counts.</summary>
    public static List<OutletInfo> Outlets(KasaEndpoint endpoint, IEnumerable<ChildAnswer> children)
    {
        var outlets = new List<OutletInfo>();
        foreach (var child in children.OrderBy(c => c.Position ?? int.MaxValue))
        {
            if (string.IsNullOrEmpty(child.DeviceId) || child.DeviceOn is null)
            {
                throw new KasaProtocolException(endpoint, "get_child_device_list lists an outlet without device_id or device_on");
            }

            outlets.Add(new OutletInfo(child.DeviceId, SmartText.Decode(child.Nickname), child.DeviceOn.Value));
        }

        return outlets;
    }
}
