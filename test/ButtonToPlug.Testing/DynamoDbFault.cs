namespace ButtonToPlug.Testing;

/// <summary>How <see cref="DynamoDbGate"/> answers a DynamoDB call instead of forwarding it to moto_server.</summary>
public enum DynamoDbFault
{
    /// <summary>HTTP 400 <c>AccessDeniedException</c>: the role lacks the permission (permanent, not retried).</summary>
    AccessDenied,

    /// <summary>HTTP 400 <c>ProvisionedThroughputExceededException</c> (transient, retried by the SDK).</summary>
    Throttling,

    /// <summary>Reads the request and never answers: a slow or stuck endpoint.</summary>
    Hang,

    /// <summary>Forwards the request to moto, which carries it out, then drops the connection: the answer is lost on the way.</summary>
    AnswerLost,
}
