using ButtonToPlug.Settings;
using ButtonToPlug.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ButtonToPlug.Tests.Settings;

/// <summary>SSM answers moto cannot give, from a hand-written endpoint: access denied, throttling, server errors.</summary>
public sealed class SsmFaultTests : IDisposable
{
    private const string Path = "/ButtonToPlug";
    private const string Settings = """{"Parameters":[{"Name":"/ButtonToPlug/host","Type":"String","Value":"home.example.net","Version":1}]}""";

    private readonly FakeSsmEndpoint ssm = new();
    private readonly FakeTimeProvider time = new();

    public void Dispose() => ssm.Dispose();

    [Fact]
    public async Task GetAsync_AccessDenied_NamesTheMissingPermissionAtOnce()
    {
        ssm.Respond = () => FakeSsmEndpoint.Error(400, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/fn is not authorized to perform: ssm:GetParametersByPath");
        var source = new ParameterStoreSettings(ssm.CreateClient(), Path, TimeSpan.FromMinutes(5), time);

        var failure = await Assert.ThrowsAsync<FunctionException>(() => source.GetAsync(CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, failure.ErrorType);
        Assert.Contains("needs ssm:GetParametersByPath on the parameter path /ButtonToPlug", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, ssm.Requests);
    }

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(500, "InternalServerError")]
    public async Task GetAsync_PassingFailureWithNothingCached_IsRetriedThenReported(int status, string code)
    {
        ssm.Respond = () => FakeSsmEndpoint.Error(status, code, "slow down");
        var source = new ParameterStoreSettings(ssm.CreateClient(), Path, TimeSpan.FromMinutes(5), time);

        var failure = await Assert.ThrowsAsync<FunctionException>(() => source.GetAsync(CancellationToken.None));

        Assert.Equal(ErrorTypes.ConfigurationError, failure.ErrorType);
        Assert.Contains("unavailable right now", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, ssm.Requests);
    }

    [Fact]
    public async Task GetAsync_ThrottledWithAnExpiredCopy_ServesTheCopyWithAWarning()
    {
        ssm.Respond = () => (200, null, Settings);
        var source = new ParameterStoreSettings(ssm.CreateClient(), Path, TimeSpan.FromSeconds(300), time);
        await source.GetAsync(CancellationToken.None);
        ssm.Respond = () => FakeSsmEndpoint.Error(400, "ThrottlingException", "Rate exceeded");
        time.Advance(TimeSpan.FromSeconds(400));

        var read = await source.GetAsync(CancellationToken.None);

        Assert.Equal("home.example.net", read.Settings.Host);
        Assert.Contains("ThrottlingException", read.Warning, StringComparison.Ordinal);
        Assert.Contains("read 400 s ago", read.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_DeadlinePassedWhileSsmHangs_IsConfigurationErrorSayingSo()
    {
        var release = new TaskCompletionSource();
        ssm.Respond = () =>
        {
            release.Task.Wait(TimeSpan.FromSeconds(10));
            return (200, null, Settings);
        };
        var source = new ParameterStoreSettings(ssm.CreateClient(), Path, TimeSpan.Zero, time);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var failure = await Assert.ThrowsAsync<FunctionException>(() => source.GetAsync(deadline.Token));
        release.SetResult();

        Assert.Contains("did not answer before the invocation's deadline", failure.Message, StringComparison.Ordinal);
    }
}
