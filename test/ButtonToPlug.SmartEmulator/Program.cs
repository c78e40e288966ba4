using System.Text.Json.Nodes;
using ButtonToPlug.Testing;

// usage: ButtonToPlug.SmartEmulator p110|p300
// stdout, first line: {"devices":[{"model":"p110","port":41234}]}  (the shape test/simulator/serve.js prints)
// then one JSON line per stdin line {"op":"state"} -> {"on":true,"children":[{"id":"…","on":false},…]}. Exits when stdin closes.
// The device is unbound: it accepts TP-Link's Tapo default credentials, which ButtonToPlug tries without a username.
var model = args.Length == 1 ? args[0].ToLowerInvariant() : "";
SmartEmulatedDevice? device = model switch
{
    "p110" => SmartEmulatedDevice.Plug("P110"),
    "p300" => SmartEmulatedDevice.Strip("P300", outlets: 3),
    _ => null,
};
if (device is null)
{
    await Console.Error.WriteLineAsync("ButtonToPlug.SmartEmulator: give one model, p110 (SMART plug) or p300 (SMART strip)");
    return 2;
}

await using var emulator = await KlapDeviceEmulator.StartAsync(
    new KlapDeviceOptions { Username = "test@tp-link.net", Password = "test", Version = 2 }, device, CancellationToken.None);
Console.WriteLine(new JsonObject { ["devices"] = new JsonArray(new JsonObject { ["model"] = model, ["port"] = emulator.Port }) }.ToJsonString());
while (await Console.In.ReadLineAsync() is { } line)
{
    if (JsonNode.Parse(line)?["op"]?.GetValue<string>() != "state")
    {
        Console.WriteLine("""{"error":"the only op is state"}""");
        continue;
    }

    var children = new JsonArray([.. device.Outlets.Select(o => new JsonObject { ["id"] = o.DeviceId, ["on"] = o.On })]);
    Console.WriteLine(new JsonObject { ["on"] = device.Outlets.Count == 0 ? device.RelayOn : device.Outlets.Any(o => o.On), ["children"] = children }.ToJsonString());
}

return 0;
