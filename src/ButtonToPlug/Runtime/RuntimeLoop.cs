namespace ButtonToPlug.Runtime;

/// <summary>
/// The runtime's life: build the function once (or report <c>init/error</c>), then next → handle → response or
/// error, for as long as the Runtime API keeps handing out events.
/// </summary>
internal sealed class RuntimeLoop(IRuntimeApiClient api, TextWriter log)
{
    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(Func<InvocationHandler> initialize, CancellationToken cancellationToken)
    {
        InvocationHandler handler;
        try
        {
            handler = initialize();
        }
#pragma warning disable CA1031 // Whatever stops the function from starting is reported to Lambda, not thrown.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log(exception);
            await TryPostAsync(api.PostInitErrorAsync(RuntimeError.From(exception), cancellationToken));
            return ExitCodes.InitFailed;
        }

        while (true)
        {
            RuntimeInvocation invocation;
            try
            {
                invocation = await api.GetNextInvocationAsync(cancellationToken);
            }
            catch (RuntimeApiException exception)
            {
                // Even a 4xx on next leaves nothing to work on: next is the only way to get the next event.
                log.WriteLine($"Runtime API: {exception.Message}; exiting.");
                return ExitCodes.RuntimeApiClosed;
            }

            var result = await InvokeAsync(handler, invocation, cancellationToken);
            var exit = await TryPostAsync(result.Response is { } response
                ? api.PostResponseAsync(invocation.RequestId, response, cancellationToken)
                : api.PostErrorAsync(invocation.RequestId, result.Error!, cancellationToken));
            if (exit is { } code)
            {
                return code;
            }
        }
    }

    private async Task<(byte[]? Response, RuntimeError? Error)> InvokeAsync(
        InvocationHandler handler, RuntimeInvocation invocation, CancellationToken cancellationToken)
    {
        // X-Ray and the AWS SDK read the trace header from the environment, per invocation.
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        var context = new InvocationContext(invocation.RequestId, invocation.Deadline, invocation.TraceId)
        {
            ClientContext = invocation.ClientContext,
            CognitoIdentity = invocation.CognitoIdentity,
        };
        try
        {
            return (await handler(invocation.Event, context, cancellationToken), null);
        }
#pragma warning disable CA1031 // One failed invocation is reported as that invocation's error; the process goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (exception is not FunctionException)
            {
                Log(exception);
            }

            return (null, RuntimeError.From(exception));
        }
    }

    /// <returns>Null to go on; an exit code when the Runtime API said to stop.</returns>
    private async Task<int?> TryPostAsync(Task post)
    {
        try
        {
            await post;
            return null;
        }
        catch (RuntimeApiException exception) when (!exception.RequiresExit)
        {
            log.WriteLine($"Runtime API rejected a post: {exception.Message}");
            return null;
        }
        catch (RuntimeApiException exception)
        {
            log.WriteLine($"Runtime API: {exception.Message}; exiting.");
            return ExitCodes.RuntimeApiClosed;
        }
    }

    private void Log(Exception exception) => log.WriteLine($"Unexpected failure: {exception}");
}
