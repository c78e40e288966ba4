namespace ButtonToPlug.Testing;

/// <summary>How <see cref="SsmGate"/> answers an SSM call instead of forwarding it to moto_server.</summary>
public enum SsmFault
{
    /// <summary>HTTP 400 <c>AccessDeniedException</c>: the role lacks the permission (permanent).</summary>
    AccessDenied,

    /// <summary>HTTP 400 <c>ValidationException</c>: SSM refuses the request as made (permanent).</summary>
    Validation,

    /// <summary>HTTP 400 <c>ThrottlingException</c>, "Rate exceeded" (transient).</summary>
    Throttling,

    /// <summary>HTTP 500 <c>InternalServerError</c> (transient).</summary>
    InternalError,

    /// <summary>Reads the request and never answers: a slow or stuck endpoint.</summary>
    Hang,
}
