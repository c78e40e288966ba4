using System.Text.Json.Serialization;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>Source-generated (AOT- and trim-safe) JSON for the typed SMART results.</summary>
[JsonSerializable(typeof(DeviceInfoAnswer))]
[JsonSerializable(typeof(ChildListAnswer))]
internal sealed partial class SmartJsonContext : JsonSerializerContext;
