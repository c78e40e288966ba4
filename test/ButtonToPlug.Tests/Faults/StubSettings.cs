using ButtonToPlug.Settings;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// Settings handed out without SSM, validated by the function's own validator, so a fault test reaches the plug step at
/// once. <see cref="Current"/> can be pointed elsewhere between clicks: the same function instance then serves the next one.
/// </summary>
internal sealed class StubSettings(PlugSettings settings) : ISettingsSource
{
    private volatile PlugSettings current = settings;

    public PlugSettings Current
    {
        get => this.current;
        set => this.current = value;
    }

    /// <summary>Settings for a plug on loopback with a short plug timeout; <paramref name="more"/> adds or replaces values.</summary>
    /// <remarks>
    /// The protocol is <c>xor</c>: these faults are an XOR plug's, scripted per connection, and <c>auto</c> would spend the
    /// script on its probe read. How <c>auto</c> settles on a port is tested on its own (AutoTransportTests, AesFunctionTests).
    /// </remarks>
    public static PlugSettings For(int port, string timeoutSeconds = "2", params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettingNames.Host] = ScriptedPlug.Host,
            [SettingNames.Port] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SettingNames.Timeout] = timeoutSeconds,
            [SettingNames.Protocol] = "xor",
        };
        foreach (var (key, value) in more)
        {
            values[key] = value;
        }

        return SettingsValidator.Validate(new RawSettings(values, new HashSet<string>()), new ParameterStoreOrigin("/faults"));
    }

    public Task<SettingsRead> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new SettingsRead(this.current, null));
}
