using System.Text.Json;

namespace ButtonToPlug.Kasa.Iot;

/// <summary>Turns a <c>get_sysinfo</c> result into a <see cref="SysInfo"/>, refusing what is not a plug or strip.</summary>
internal static class SysInfoReader
{
    public static SysInfo Read(KasaEndpoint endpoint, JsonElement result)
    {
        SysInfoAnswer? answer;
        try
        {
            answer = result.Deserialize(IotJsonContext.Default.SysInfoAnswer);
        }
        catch (JsonException e)
        {
            throw new KasaProtocolException(endpoint, $"get_sysinfo has a field of the wrong kind: {e.Message}", e);
        }

        if (answer is null)
        {
            throw new KasaProtocolException(endpoint, "get_sysinfo answered null");
        }

        var children = new List<OutletInfo>(answer.Children?.Count ?? 0);
        foreach (var child in answer.Children ?? [])
        {
            if (string.IsNullOrEmpty(child.Id) || child.State is null)
            {
                throw new KasaProtocolException(endpoint, "get_sysinfo lists an outlet without id or state");
            }

            children.Add(new OutletInfo(child.Id, child.Alias ?? "", child.State != 0));
        }

        if (answer.RelayState is null && children.Count == 0)
        {
            throw new KasaProtocolException(endpoint, $"get_sysinfo of '{answer.Model}' has neither relay_state nor outlets; not a smart plug");
        }

        return new SysInfo(
            Alias: answer.Alias ?? "",
            Model: answer.Model ?? "",
            DeviceId: answer.DeviceId ?? "",
            Mac: answer.Mac ?? answer.MicMac ?? "",
            SoftwareVersion: answer.SoftwareVersion ?? "",
            HardwareVersion: answer.HardwareVersion ?? "",
            IsOn: answer.RelayState is { } relay ? relay != 0 : children.Exists(c => c.IsOn),
            OnTimeSeconds: answer.OnTime ?? 0,
            LedOff: answer.LedOff is { } led && led != 0,
            DeviceType: answer.Type ?? answer.MicType ?? "",
            Children: children);
    }
}
