namespace ButtonToPlug.Runtime;

/// <summary>The function's in-process entry as the Runtime API loop sees it: event bytes in, result bytes out.</summary>
internal delegate Task<byte[]> InvocationHandler(
    ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken);
