using System.Text.Json.Serialization;

namespace ButtonToPlug.Logging;

/// <summary>Diagnostic lines leave out empty fields, like the click lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogRecord))]
internal sealed partial class LogRecordJsonContext : JsonSerializerContext;
