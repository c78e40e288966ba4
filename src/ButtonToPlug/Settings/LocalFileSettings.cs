using System.Text.Json;

namespace ButtonToPlug.Settings;

/// <summary>
/// Settings from a JSON file for <c>buttontoplug press --settings file.json</c>: an object whose keys are the parameter
/// names under the path (<c>host</c>, <c>port</c>, …) with string (or number) values. Read on every click; nothing is secret.
/// </summary>
internal sealed class LocalFileSettings(string file) : ISettingsSource
{
    private readonly LocalFileOrigin origin = new(file);

    public async Task<SettingsRead> GetAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new FunctionException(ErrorTypes.ConfigurationError, $"cannot read the settings file {file}: {exception.Message}");
        }

        return new SettingsRead(SettingsValidator.Validate(Parse(bytes), this.origin), null);
    }

    private RawSettings Parse(byte[] bytes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("it is not a JSON object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => throw Malformed($"\"{property.Name}\" is not a string or a number"),
                };
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw Malformed(exception.Message);
        }

        return new RawSettings(values, new HashSet<string>());
    }

    private FunctionException Malformed(string problem) =>
        new(ErrorTypes.ConfigurationError, $"the settings file {file} is not usable: {problem} (see events/settings.local.json for the shape)");
}
