namespace ButtonToPlug.Https;

/// <summary>The body of an HTTPS answer that is not 200: the same errorType and message a failed invocation reports.</summary>
internal sealed record FunctionUrlError(string ErrorType, string ErrorMessage);
