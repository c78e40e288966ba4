using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Testing;

/// <summary>
/// A DynamoDB endpoint on loopback in front of moto_server, for what moto cannot do: it counts every call by operation
/// (<c>PutItem</c>, <c>DeleteItem</c>, … from the AWS JSON 1.0 <c>X-Amz-Target</c>) and, for the next calls queued in
/// <see cref="NextFaults"/> and then while <see cref="Fault"/> is set, answers as DynamoDB or a broken network does (denied,
/// throttled, stuck, answer lost); otherwise it forwards the request to moto unchanged.
/// </summary>
public sealed class DynamoDbGate : MotoGate
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    private DynamoDbGate(Uri motoEndpoint)
        : base(motoEndpoint, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>The answer to every call (after <see cref="NextFaults"/> are used up); null forwards to moto.</summary>
    public DynamoDbFault? Fault { get; set; }

    /// <summary>Faults for the next calls, one call each, in order.</summary>
    public ConcurrentQueue<DynamoDbFault> NextFaults { get; } = new();

    /// <summary>Every call that arrived (each SDK attempt is one), by operation name.</summary>
    public int CallsTo(string operation) => this.calls.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>All calls that arrived, of any operation.</summary>
    public int Calls => this.calls.Values.Sum();

    /// <summary>Starts the gate; <see cref="MotoGate.Url"/> is the value for <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public static async Task<DynamoDbGate> StartAsync(Uri motoEndpoint)
    {
        var gate = new DynamoDbGate(motoEndpoint);
        await gate.ListenAsync();
        return gate;
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        var operation = OperationOf(context);
        this.calls.AddOrUpdate(operation, 1, (_, count) => count + 1);
        DynamoDbFault? next = NextFaults.TryDequeue(out var queued) ? queued : Fault;
        if (next == DynamoDbFault.AnswerLost)
        {
            await ForwardAsync(context);
            context.Abort();
        }
        else if (next is { } fault)
        {
            await FailAsync(context, fault, operation);
        }
        else
        {
            await ForwardAsync(context);
        }
    }

    private async Task FailAsync(HttpContext context, DynamoDbFault fault, string operation)
    {
        if (fault == DynamoDbFault.Hang)
        {
            await NeverAnswerAsync(context);
            return;
        }

        var (type, message) = fault == DynamoDbFault.AccessDenied
            ? ("com.amazon.coral.service#AccessDeniedException",
                $"User: arn:aws:sts::123456789012:assumed-role/ButtonToPlug/fn is not authorized to perform: dynamodb:{operation} on resource: "
                + $"arn:aws:dynamodb:us-east-1:123456789012:table/clicks because no identity-based policy allows the dynamodb:{operation} action")
            : ("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded.");
        await AnswerErrorAsync(context, StatusCodes.Status400BadRequest, "application/x-amz-json-1.0", type, message);
    }
}
