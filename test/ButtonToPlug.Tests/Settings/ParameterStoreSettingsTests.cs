using Amazon.SimpleSystemsManagement.Model;
using ButtonToPlug.Settings;
using ButtonToPlug.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Settings;

/// <summary>Settings read through the real SDK client from moto_server, found through AWS_ENDPOINT_URL_SSM.</summary>
[Collection(MotoTests.Name)]
public sealed class ParameterStoreSettingsTests(MotoFixture moto)
{
    private readonly FakeTimeProvider time = new();

    private ParameterStoreSettings Source(string path, TimeSpan cacheLifetime) =>
        new(SsmClientFactory.Create(new SsmConnector(TimeProvider.System)), path, cacheLifetime, this.time);

    [Fact]
    public async Task GetAsync_MoreParametersThanOnePage_FollowsNextToken()
    {
        var path = MotoFixture.NewPath();

        // Names that sort before the settings, put first: whatever order SSM pages in, the settings are past the first 10.
        for (var i = 0; i < 14; i++)
        {
            await moto.Server.PutAsync($"{path}/a{i:00}", "unrelated");
        }

        await moto.Server.PutAllAsync(path, new Dictionary<string, string> { ["host"] = "home.example.net", ["port"] = "10099", ["timeout"] = "2" });
        var firstPage = await moto.Server.Client.GetParametersByPathAsync(new GetParametersByPathRequest { Path = path });
        Assert.NotNull(firstPage.NextToken);
        Assert.DoesNotContain(firstPage.Parameters, p => p.Name == $"{path}/host");

        var read = await Source(path, TimeSpan.FromMinutes(5)).GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
        Assert.Equal(10099, read.Settings.Port);
        Assert.Equal(TimeSpan.FromSeconds(2), read.Settings.Timeout);
    }

    [Fact]
    public async Task GetAsync_SecureString_IsDecryptedAndMasked()
    {
        var path = MotoFixture.NewPath();
        await moto.Server.PutSecureAsync($"{path}/host", "secret-home.example.net");

        var read = await Source(path, TimeSpan.Zero).GetAsync(CancellationToken.None);

        Assert.Equal("secret-home.example.net", read.Settings.Host);
        Assert.Equal("(SecureString)", read.Settings.DisplayHost);
    }

    [Fact]
    public async Task GetAsync_ParametersBelowThePath_AreNotRead()
    {
        var path = MotoFixture.NewPath();
        await moto.Server.PutAsync($"{path}/host", "home.example.net");
        await moto.Server.PutAsync($"{path}/kitchen/port", "1");

        var read = await Source(path, TimeSpan.Zero).GetAsync(CancellationToken.None);

        Assert.Equal(9999, read.Settings.Port);
    }

    [Fact]
    public async Task GetAsync_WithinCacheLifetime_ServesTheCopyThenRereadsAfterIt()
    {
        var path = MotoFixture.NewPath();
        await moto.Server.PutAsync($"{path}/host", "first.example.net");
        var source = Source(path, TimeSpan.FromSeconds(300));
        await source.GetAsync(CancellationToken.None);
        await moto.Server.PutAsync($"{path}/host", "second.example.net");

        this.time.Advance(TimeSpan.FromSeconds(299));
        var cached = await source.GetAsync(CancellationToken.None);
        this.time.Advance(TimeSpan.FromSeconds(1));
        var reread = await source.GetAsync(CancellationToken.None);

        Assert.Equal("first.example.net", cached.Settings.Host);
        Assert.Equal("second.example.net", reread.Settings.Host);
    }

    [Fact]
    public async Task GetAsync_CacheLifetimeZero_ReadsEveryTime()
    {
        var path = MotoFixture.NewPath();
        await moto.Server.PutAsync($"{path}/host", "first.example.net");
        var source = Source(path, TimeSpan.Zero);
        await source.GetAsync(CancellationToken.None);
        await moto.Server.PutAsync($"{path}/host", "second.example.net");

        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("second.example.net", read.Settings.Host);
    }

    [Fact]
    public async Task GetAsync_AfterAConfigurationError_SeesTheFixAtOnce()
    {
        var path = MotoFixture.NewPath();
        var source = Source(path, TimeSpan.FromSeconds(300));
        var failure = await Assert.ThrowsAsync<FunctionException>(() => source.GetAsync(CancellationToken.None));
        Assert.Contains($"{path}/host is missing", failure.Message, StringComparison.Ordinal);

        await moto.Server.PutAsync($"{path}/host", "home.example.net");
        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
    }
}
