using System.Net;

namespace ButtonToPlug.Runtime;

/// <summary>The Runtime API refused a call, answered something unusable, or could not be reached.</summary>
internal sealed class RuntimeApiException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status, or null when no answer came (connection failure, timeout, missing header).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>
    /// The Runtime API documents a 500 as a container error after which the runtime must exit; without an answer at
    /// all there is nobody left to serve. A 4xx only rejects that one call.
    /// </summary>
    public bool RequiresExit => StatusCode is null or >= HttpStatusCode.InternalServerError;
}
