using ButtonToPlug.Runtime;

namespace ButtonToPlug;

internal static class Program
{
    /// <summary>
    /// Lambda starts this executable (as <c>bootstrap</c>, or as <c>dotnet ButtonToPlug.dll</c>) with
    /// <c>AWS_LAMBDA_RUNTIME_API</c> set; the process then serves invocations until the Runtime API says stop.
    /// </summary>
    public static async Task<int> Main()
    {
        var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrEmpty(runtimeApi))
        {
            await Console.Error.WriteLineAsync(
                "ButtonToPlug is an AWS Lambda function and runs where AWS_LAMBDA_RUNTIME_API is set. "
                + "To try a click locally: `buttontoplug press events/single-click.json` or `sam local invoke`.");
            return ExitCodes.Usage;
        }

        using var api = new RuntimeApiClient(runtimeApi);
        var loop = new RuntimeLoop(api, Console.Error);
        return await loop.RunAsync(() =>
        {
            var function = Function.FromEnvironment();
            function.StartUp();
            return function.HandleAsync;
        }, CancellationToken.None);
    }
}
