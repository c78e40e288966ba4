using System.Text.Json;

namespace ButtonToPlug.Deployment.Tests;

/// <summary>The sample files in events/ (README and sam local invoke use them; the end-to-end tests run each one).</summary>
public sealed class EventFileTests
{
    public static TheoryData<string> EventFiles() => new(EventFileNames());

    private static IEnumerable<string> EventFileNames() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("events"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(EventFiles))]
    public void EventFile_IsJsonOfAContractShape(string fileName)
    {
        using var json = JsonDocument.Parse(RepositoryFiles.ReadAllText($"events/{fileName}"));

        var shape = EventFileShape.Classify(fileName, json.RootElement);

        Assert.False(string.IsNullOrEmpty(shape));
    }

    [Fact]
    public void EventFiles_CoverEveryShapeAndClickTheReadmeShows()
    {
        var shapes = EventFileNames().Select(name =>
        {
            using var json = JsonDocument.Parse(RepositoryFiles.ReadAllText($"events/{name}"));
            return EventFileShape.Classify(name, json.RootElement);
        }).ToList();

        Assert.Equal(3, shapes.Count(s => s == EventFileShape.ClassicClick));
        Assert.Contains(EventFileShape.OneClick, shapes);
        Assert.Contains(EventFileShape.DirectAction, shapes);
        Assert.Contains(EventFileShape.Settings, shapes);
        Assert.Contains(EventFileShape.SoracomPlus, shapes);
        Assert.Contains(EventFileShape.SoracomGlobal, shapes);
        Assert.Contains(EventFileShape.Shelly, shapes);
        Assert.Contains(EventFileShape.Https, shapes);
        Assert.True(File.Exists(RepositoryFiles.PathOf("events/single-click.json")), "README's commands use events/single-click.json");
    }

    [Fact]
    public void HttpsEvent_PresentsTheLocalWebhookToken_OfAtLeast32Characters()
    {
        using var settings = JsonDocument.Parse(RepositoryFiles.ReadAllText("events/settings.local.json"));
        using var https = JsonDocument.Parse(RepositoryFiles.ReadAllText("events/https-double.json"));
        var token = settings.RootElement.GetProperty("webhook-token").GetString()!;

        Assert.True(token.Length >= 32, "the webhook token must be at least 32 characters");
        Assert.Equal($"Bearer {token}", https.RootElement.GetProperty("headers").GetProperty("authorization").GetString());
    }

    [Fact]
    public void SoracomClientContext_NamesTheSimAsFunkDoes()
    {
        using var context = JsonDocument.Parse(RepositoryFiles.ReadAllText("events/client-context/soracom.json"));
        var custom = context.RootElement.GetProperty("custom");

        Assert.Matches("^[0-9]{15}$", custom.GetProperty("imsi").GetString());
        Assert.Matches("^[0-9]{19,20}$", custom.GetProperty("simId").GetString());
        Assert.StartsWith("srn:soracom:", custom.GetProperty("srn").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"clickType":4,"clickTypeName":"SINGLE","batteryLevel":0.5}""")]
    [InlineData("""{"clickType":1,"clickTypeName":"DOUBLE","batteryLevel":0.5}""")]
    [InlineData("""{"src":"shellyplusi4-a8032ab1b2c3","method":"NotifyEvent","params":{"ts":1}}""")]
    [InlineData("""{"clickType":"TRIPLE"}""")]
    [InlineData("""{"action":"dim"}""")]
    [InlineData("""{"serialNumber":"G030","clickType":"SINGLE","batteryVoltage":"lots"}""")]
    [InlineData("""[1,2]""")]
    public void Classify_RejectsWhatTheContractDoesNot(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.ThrowsAny<Exception>(() => EventFileShape.Classify("bad.json", document.RootElement));
    }
}
