using System.Text.Json.Serialization;

namespace ButtonToPlug.Kasa.Iot;

/// <summary>Source-generated (AOT- and trim-safe) JSON for the typed IOT results.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SysInfoAnswer))]
internal sealed partial class IotJsonContext : JsonSerializerContext;
