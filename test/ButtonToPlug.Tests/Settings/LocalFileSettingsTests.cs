using ButtonToPlug.Settings;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Settings;

public sealed class LocalFileSettingsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("buttontoplug-settings-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task GetAsync_TheSampleSettingsFile_IsValid()
    {
        var read = await new LocalFileSettings(Path.Combine(RepositoryFiles.EventsDirectory, "settings.local.json")).GetAsync(CancellationToken.None);

        Assert.Equal("127.0.0.1", read.Settings.Host);
        Assert.Equal(9999, read.Settings.Port);
    }

    [Theory]
    [InlineData("""{"host":"h","port":10000,"timeout":2.5}""", 10000)]
    [InlineData("""{"host":"h", /* a comment */ "port":"9998",}""", 9998)]
    public async Task GetAsync_NumbersCommentsAndTrailingCommas_AreAccepted(string json, int port)
    {
        var read = await new LocalFileSettings(Write(json)).GetAsync(CancellationToken.None);

        Assert.Equal(port, read.Settings.Port);
    }

    [Theory]
    [InlineData("""["host"]""", "it is not a JSON object")]
    [InlineData("""{"host":true}""", "\"host\" is not a string or a number")]
    [InlineData("""{"host":""", "is not usable")]
    [InlineData("""{"port":"9999"}""", "\"host\" in ")]
    public async Task GetAsync_UnusableFile_IsConfigurationErrorNamingTheFile(string json, string expected)
    {
        var file = Write(json);

        var failure = await Assert.ThrowsAsync<FunctionException>(() => new LocalFileSettings(file).GetAsync(CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, failure.ErrorType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Contains(file, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_MissingFile_IsConfigurationError()
    {
        var failure = await Assert.ThrowsAsync<FunctionException>(() => new LocalFileSettings(Path.Combine(this.directory, "nope.json")).GetAsync(CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, failure.ErrorType);
        Assert.Contains("cannot read the settings file", failure.Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var file = Path.Combine(this.directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        return file;
    }
}
