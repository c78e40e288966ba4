namespace ButtonToPlug.Runtime;

/// <summary>How the process ends; Lambda only logs the code, people and tests read it.</summary>
internal static class ExitCodes
{
    /// <summary>SIGTERM: Lambda shuts the sandbox down; the invocation in flight, if any, was finished first.</summary>
    public const int Stopped = 0;

    /// <summary>The Runtime API answered 500 or went away: the documented signal to stop.</summary>
    public const int RuntimeApiClosed = 1;

    /// <summary>Started outside Lambda (no <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public const int Usage = 2;

    /// <summary>The function could not be built from the environment; reported on <c>init/error</c>.</summary>
    public const int InitFailed = 3;

    /// <summary>A defect of the runtime loop itself escaped it; logged as one FATAL line.</summary>
    public const int Defect = 4;
}
