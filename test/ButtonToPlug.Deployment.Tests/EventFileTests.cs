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
        Assert.True(File.Exists(RepositoryFiles.PathOf("events/single-click.json")), "README's commands use events/single-click.json");
    }

    [Theory]
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
