using ButtonToPlug.Logging;

namespace ButtonToPlug.Runtime;

/// <summary>
/// The runtime's life: build the function once (or report <c>init/error</c>), then next → handle → response or
/// error, for as long as the Runtime API keeps handing out events or until asked to stop.
/// </summary>
internal sealed class RuntimeLoop(IRuntimeApiClient api, LogWriter log)
{
    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <param name="stopping">
    /// Cancelled on SIGTERM: ends the wait for the next event at once, but never an invocation in flight, which still
    /// writes its log line and posts its outcome before the loop returns.
    /// </param>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(Func<InvocationHandler> initialize, CancellationToken stopping)
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
            var error = RuntimeError.From(exception);
            var message = $"the function cannot start: {error.ErrorMessage}";
            if (exception is FunctionException)
            {
                log.Write(LogLevel.Fatal, message);
            }
            else
            {
                log.WriteDefect(LogLevel.Fatal, message, exception, context: null, secrets: null);
            }

            await TryPostAsync(api.PostInitErrorAsync(error, CancellationToken.None), context: null);
            return ExitCodes.InitFailed;
        }

        while (true)
        {
            RuntimeInvocation invocation;
            try
            {
                invocation = await api.GetNextInvocationAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                log.Write(LogLevel.Info, "SIGTERM while waiting for the next event: exiting");
                return ExitCodes.Stopped;
            }
            catch (RuntimeApiException exception)
            {
                // Even a 4xx on next leaves nothing to work on: next is the only way to get the next event.
                log.Write(LogLevel.Warn, $"Runtime API: {exception.Message}; exiting");
                return ExitCodes.RuntimeApiClosed;
            }

            // The invocation in flight is not cancelled by SIGTERM: Lambda gives the process time to finish it.
            var context = new InvocationContext(invocation.RequestId, invocation.Deadline, invocation.TraceId)
            {
                ClientContext = invocation.ClientContext,
                CognitoIdentity = invocation.CognitoIdentity,
            };
            var result = await InvokeAsync(handler, invocation, context);
            var exit = await TryPostAsync(result.Response is { } response
                ? api.PostResponseAsync(invocation.RequestId, response, CancellationToken.None)
                : api.PostErrorAsync(invocation.RequestId, result.Error!, CancellationToken.None), context);
            if (exit is { } code)
            {
                return code;
            }

            if (stopping.IsCancellationRequested)
            {
                log.Write(LogLevel.Info, "SIGTERM during an invocation: it finished and was posted; exiting");
                return ExitCodes.Stopped;
            }
        }
    }

    private async Task<(byte[]? Response, RuntimeError? Error)> InvokeAsync(
        InvocationHandler handler, RuntimeInvocation invocation, InvocationContext context)
    {
        // X-Ray and the AWS SDK read the trace header from the environment, per invocation.
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        try
        {
            return (await handler(invocation.Event, context, CancellationToken.None), null);
        }
#pragma warning disable CA1031 // One failed invocation is reported as that invocation's error; the process goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // A FunctionException was logged by the function with its click line; anything else escaped it.
            var error = RuntimeError.From(exception);
            if (exception is not FunctionException)
            {
                log.WriteDefect(LogLevel.Error, error.ErrorMessage, exception, context, secrets: null);
            }

            return (null, error);
        }
    }

    /// <returns>Null to go on; an exit code when the Runtime API said to stop.</returns>
    private async Task<int?> TryPostAsync(Task post, InvocationContext? context)
    {
        try
        {
            await post;
            return null;
        }
        catch (RuntimeApiException exception) when (!exception.RequiresExit)
        {
            log.Write(LogLevel.Error, $"Runtime API rejected a post: {exception.Message}", context);
            return null;
        }
        catch (RuntimeApiException exception)
        {
            log.Write(LogLevel.Warn, $"Runtime API: {exception.Message}; exiting", context);
            return ExitCodes.RuntimeApiClosed;
        }
    }
}
