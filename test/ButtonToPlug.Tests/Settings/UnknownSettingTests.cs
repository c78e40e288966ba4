using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Settings;

/// <summary>
/// A key that is no setting (a typo such as "sigle") is not silently ignored: the click's log line warns, naming the key and
/// the known ones, whether it came from a settings file or from a parameter under the SSM path.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class UnknownSettingTests(MotoFixture moto) : IDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private static readonly string KnownList = string.Join(", ", SettingNames.All);

    private readonly string directory = Directory.CreateTempSubdirectory("buttontoplug-unknown-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task Click_SettingsFileWithAMisspeltKey_WarnsInTheLogLineAndStillSwitches()
    {
        await using var plug = ScriptedPlug.Working(relayOn: false);
        var file = Path.Combine(this.directory, "settings.json");
        await File.WriteAllTextAsync(file, $$"""{"host":"127.0.0.1","port":"{{plug.Port}}","sigle":"on"}""");
        using var log = new StringWriter();

        await Function.FromSettingsFile(file, log).HandleAsync(Click, Context(), CancellationToken.None).WaitAsync(Hang);

        var line = ClickLine(log);
        Assert.Equal("WARN", line.GetProperty("level").GetString());
        var warning = Assert.Single(line.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Equal($"\"sigle\" in {file} is not a setting and is ignored: the known ones are {KnownList}", warning);
        Assert.True(plug.RelayOn);
    }

    [Fact]
    public async Task Click_UnknownParameterUnderTheSsmPath_WarnsInTheLogLineAndStillSwitches()
    {
        await using var plug = ScriptedPlug.Working(relayOn: false);
        var path = MotoFixture.NewPath();
        await moto.Server.PutAllAsync(path, new Dictionary<string, string>
        {
            [SettingNames.Host] = ScriptedPlug.Host,
            [SettingNames.Port] = plug.Port.ToString(CultureInfo.InvariantCulture),
            ["timeuot"] = "2",
        });
        using var log = new StringWriter();
        var function = new Function(new ParameterStoreSettings(SsmClientFactory.Create(new SsmConnector(TimeProvider.System)), path, TimeSpan.Zero, TimeProvider.System), log, TimeProvider.System);

        await function.HandleAsync(Click, Context(), CancellationToken.None).WaitAsync(Hang);

        var warning = Assert.Single(ClickLine(log).GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Equal($"{path}/timeuot is not a setting and is ignored: the known ones are {KnownList}", warning);
        Assert.True(plug.RelayOn);
    }

    [Fact]
    public void Validate_MisspeltRequiredKey_ErrorNamesTheMissingSettingAndTheUnknownKey()
    {
        var raw = new RawSettings(new Dictionary<string, string> { ["hots"] = "home.example.net" }, new HashSet<string>());

        var error = Assert.Throws<FunctionException>(() => SettingsValidator.Validate(raw, new ParameterStoreOrigin("/ButtonToPlug")));

        Assert.Contains("/ButtonToPlug/host is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains($"/ButtonToPlug/hots is not a setting and is ignored: the known ones are {KnownList}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnlyKnownKeys_WarnsNothing()
    {
        var raw = new RawSettings(SettingNames.All.ToDictionary(name => name, ValidValue), new HashSet<string>());

        var settings = SettingsValidator.Validate(raw, new ParameterStoreOrigin("/ButtonToPlug"));

        Assert.Empty(settings.Warnings);
    }

    [Fact]
    public void All_ListsEverySettingName()
    {
        var constants = typeof(SettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!);

        Assert.Equal(constants.Order(StringComparer.Ordinal), SettingNames.All.Order(StringComparer.Ordinal));
    }

    private static byte[] Click => Encoding.UTF8.GetBytes("""{"action":"on"}""");

    private static InvocationContext Context() => new($"unknown-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddSeconds(60), null);

    private static string ValidValue(string name) => name switch
    {
        SettingNames.Host => "home.example.net",
        SettingNames.Port => "9999",
        SettingNames.Outlet => "0",
        SettingNames.Single or SettingNames.Double or SettingNames.Long => "toggle",
        SettingNames.Timeout => "3",
        SettingNames.Protocol => "auto",
        SettingNames.Username => "someone@example.com",
        SettingNames.WebhookToken => "0123456789abcdef0123456789abcdef",
        _ => "secret",
    };

    private static JsonElement ClickLine(StringWriter log)
    {
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var click = lines.Single(line => line.Contains("\"warnings\"", StringComparison.Ordinal));
        return JsonDocument.Parse(click).RootElement.Clone();
    }
}
