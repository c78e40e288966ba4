namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>How the published process starts and ends, for both builds.</summary>
public sealed class ProcessLifecycleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(FunctionBuild.Aot)]
    [InlineData(FunctionBuild.Jit)]
    public async Task Start_WithoutRuntimeApi_SuggestsLocalClickAndExits2(FunctionBuild build)
    {
        await using var process = await FunctionProcess.StartAsync(build, new Dictionary<string, string>());

        Assert.Equal(2, await process.WaitForExitAsync(Bound));
        Assert.Contains("scripts/local-click events/single-click.json", process.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FunctionBuild.Aot)]
    [InlineData(FunctionBuild.Jit)]
    public async Task Exit_WhenNextAnswers500(FunctionBuild build)
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        api.RefuseNext();

        await using var process = await FunctionProcess.StartAsync(build, EndToEndEnvironment.For(api, ssmUrl: "http://127.0.0.1:9"));

        Assert.Equal(1, await process.WaitForExitAsync(Bound));
    }

    [Theory]
    [InlineData(FunctionBuild.Aot)]
    [InlineData(FunctionBuild.Jit)]
    public async Task InitError_WhenTheFunctionCannotBeBuilt_IsPostedAndTheProcessExits(FunctionBuild build)
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var environment = EndToEndEnvironment.For(api, ssmUrl: "http://127.0.0.1:9");
        environment["PARAMETER_CACHE_SECONDS"] = "five minutes";

        await using var process = await FunctionProcess.StartAsync(build, environment);

        var error = await api.WaitForInitErrorAsync(Bound);
        Assert.Equal(("ConfigurationError", "ConfigurationError"), (error.ErrorTypeHeader, error.ErrorType));
        Assert.Contains("PARAMETER_CACHE_SECONDS", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, await process.WaitForExitAsync(Bound));
    }
}
