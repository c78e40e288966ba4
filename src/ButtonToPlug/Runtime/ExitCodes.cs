namespace ButtonToPlug.Runtime;

/// <summary>How the process ends; Lambda only logs the code, people and tests read it.</summary>
internal static class ExitCodes
{
    /// <summary>The Runtime API answered 500 or went away: the documented signal to stop.</summary>
    public const int RuntimeApiClosed = 1;

    /// <summary>Started outside Lambda (no <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public const int Usage = 2;

    /// <summary>The function could not be built from the environment; reported on <c>init/error</c>.</summary>
    public const int InitFailed = 3;
}
