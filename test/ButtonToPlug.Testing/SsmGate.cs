using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Testing;

/// <summary>
/// An SSM endpoint in front of moto_server for what moto cannot do: it answers calls with an <see cref="SsmFault"/> the way
/// SSM does in the AWS JSON 1.1 protocol (access denied, validation, throttling, HTTP 500, or no answer at all) — for the
/// next calls queued in <see cref="NextFaults"/>, then for every call while <see cref="Fault"/> is set; otherwise it
/// forwards the request to moto unchanged. It records the <c>X-Amzn-Trace-Id</c> header the
/// AWS SDK adds from <c>_X_AMZN_TRACE_ID</c> inside Lambda, which shows the variable as the function saw it.
/// </summary>
public sealed class SsmGate : MotoGate
{
    private readonly TaskCompletionSource firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int calls;

    private SsmGate(Uri motoEndpoint)
        : base(motoEndpoint, TimeSpan.FromSeconds(10))
    {
    }

    /// <summary>Answer every call as SSM does for a role without the permission (<see cref="SsmFault.AccessDenied"/>).</summary>
    public bool DenyAccess
    {
        get => Fault == SsmFault.AccessDenied;
        set => Fault = value ? SsmFault.AccessDenied : null;
    }

    /// <summary>The fault for every call (after <see cref="NextFaults"/> are used up); null forwards to moto.</summary>
    public SsmFault? Fault { get; set; }

    /// <summary>Faults for the next calls, one call each, in order.</summary>
    public ConcurrentQueue<SsmFault> NextFaults { get; } = new();

    /// <summary>How many SSM calls arrived (each SDK attempt is one).</summary>
    public int Calls => Volatile.Read(ref this.calls);

    /// <summary>Completes when the first SSM call arrives, so a test can act at that moment instead of guessing it.</summary>
    public Task FirstCall => this.firstCall.Task;

    /// <summary>The trace header of every SSM call, in arrival order (null when a call had none).</summary>
    public ConcurrentQueue<string?> TraceHeaders { get; } = new();

    /// <summary>Starts the gate; <see cref="MotoGate.Url"/> is the value for <c>AWS_ENDPOINT_URL_SSM</c>.</summary>
    public static async Task<SsmGate> StartAsync(Uri motoEndpoint)
    {
        var gate = new SsmGate(motoEndpoint);
        await gate.ListenAsync();
        return gate;
    }

    /// <summary>
    /// An SSM client that reaches moto through this gate with moto's credentials, on the caller's <paramref name="config"/> (the
    /// function's own client settings) so its retries and timeouts are the ones under test.
    /// </summary>
    public AmazonSimpleSystemsManagementClient NewClient(AmazonSimpleSystemsManagementConfig config) => MotoServer.SsmClientAt(Url, config);

    protected override async Task HandleAsync(HttpContext context)
    {
        var trace = context.Request.Headers["X-Amzn-Trace-Id"];
        TraceHeaders.Enqueue(trace.Count == 0 ? null : trace.ToString());
        Interlocked.Increment(ref this.calls);
        this.firstCall.TrySetResult();
        SsmFault? fault = NextFaults.TryDequeue(out var next) ? next : Fault;
        if (fault is { } answer)
        {
            await FailAsync(context, answer);
        }
        else
        {
            await ForwardAsync(context);
        }
    }

    private async Task FailAsync(HttpContext context, SsmFault fault)
    {
        var action = OperationOf(context);
        if (fault == SsmFault.Hang)
        {
            await NeverAnswerAsync(context);
            return;
        }

        var (status, type, message) = fault switch
        {
            SsmFault.AccessDenied => (StatusCodes.Status400BadRequest, "AccessDeniedException",
                $"User: arn:aws:sts::123456789012:assumed-role/ButtonToPlug/fn is not authorized to perform: ssm:{action} on resource: "
                + $"arn:aws:ssm:us-east-1:123456789012:parameter/ButtonToPlug because no identity-based policy allows the ssm:{action} action"),
            SsmFault.Validation => (StatusCodes.Status400BadRequest, "ValidationException", "The parameter path is not valid."),
            SsmFault.Throttling => (StatusCodes.Status400BadRequest, "ThrottlingException", "Rate exceeded"),
            _ => (StatusCodes.Status500InternalServerError, "InternalServerError", "An internal error occurred."),
        };
        await AnswerErrorAsync(context, status, "application/x-amz-json-1.1", type, message);
    }
}
