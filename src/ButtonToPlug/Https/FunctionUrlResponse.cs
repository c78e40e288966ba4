namespace ButtonToPlug.Https;

/// <summary>What a Lambda Function URL turns into the HTTP response (payload format 2.0): status, headers, body text.</summary>
internal sealed record FunctionUrlResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body);
