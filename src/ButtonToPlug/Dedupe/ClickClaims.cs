using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ButtonToPlug.Kasa;
using ButtonToPlug.Plug;
using ButtonToPlug.Reporting;

namespace ButtonToPlug.Dedupe;

/// <summary>
/// The claim step (CONTRACTS.md section 7): before a click whose repeat would undo it (<c>toggle</c>, <c>on:30m</c>) is
/// switched, its key is claimed in the click table with one conditional write, so that of any number of deliveries of the
/// same click, also at the same moment in different sandboxes, exactly one switches. Nothing is read first: the condition
/// is the only arbiter. Owned by the <see cref="Function"/> instance, with the client it builds on the first click that needs it.
/// </summary>
/// <param name="table">The table's name (<c>CLICK_TABLE</c>); null deduplicates nothing.</param>
internal sealed class ClickClaims(string? table, Func<IAmazonDynamoDB> createClient, TimeProvider time)
{
    /// <summary>How long a key is kept: far longer than Lambda keeps an event (<c>MaximumEventAgeInSeconds</c>, at most 6 hours).</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    /// <summary>What one claim or release may take in all, retries included, before the click goes on without it.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    // An expired key that DynamoDB's TTL has not deleted yet (that can take days) must not block a new click.
    private const string Unclaimed = "attribute_not_exists(clickKey) OR expiresAt < :now";

    private IAmazonDynamoDB? client;

    /// <summary>
    /// Switches the click through <paramref name="switchAsync"/> unless another delivery of it has claimed its key. A table that
    /// fails leaves a warning in <paramref name="facts"/> and the click goes ahead.
    /// </summary>
    /// <exception cref="FunctionException">Whatever <paramref name="switchAsync"/> threw; the key is released first when
    /// <see cref="ReleaseRule.NothingSwitched"/> says the plug was left as it was.</exception>
    public async Task<SwitchOutcome> SwitchOnceAsync(ClickFacts facts, Func<Task<RelayChange>> switchAsync, InvocationDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(switchAsync);
        ArgumentNullException.ThrowIfNull(deadline);
        if (table is null || facts.Event?.ClickKey is not { } key || facts.Action is null || PlugRetryRule.IsIdempotent(facts.Action))
        {
            // Setting the same state twice changes nothing: on and off never wait on the table.
            return new SwitchOutcome(await switchAsync(), null);
        }

        // Lambda may hand a duplicate the same request id, so the claim is told apart by an id of this delivery's own.
        var claimId = Guid.NewGuid().ToString("N");
        var claimed = false;
        try
        {
            await PutAsync(table, key, claimId, facts.Context.RequestId, deadline.Token);
            claimed = true;
        }
        catch (ConditionalCheckFailedException taken) when (IsOwn(taken, claimId))
        {
            // The SDK retried a write whose answer was lost: the key holder is this very delivery.
            claimed = true;
        }
        catch (ConditionalCheckFailedException)
        {
            return new SwitchOutcome(null, $"duplicate delivery of click {key}: an earlier delivery claimed it in {table}, so this {facts.Action} is not switched again");
        }
        catch (Exception exception) when (ClaimFailure.IsTableFailure(exception))
        {
            facts.Warnings.Add($"{ClaimFailure.Describe(exception, table, Budget)} while claiming click {key}; the click went ahead without duplicate protection");
        }

        try
        {
            return new SwitchOutcome(await switchAsync(), null);
        }
        catch (FunctionException failure) when (claimed && ReleaseRule.NothingSwitched(failure))
        {
            await ReleaseAsync(table, key, facts.Warnings, deadline.Token);
            throw;
        }
    }

    private static bool IsOwn(ConditionalCheckFailedException taken, string claimId) =>
        taken.Item is { } holder && holder.TryGetValue("claimId", out var id) && id.S == claimId;

    private async Task PutAsync(string name, string key, string claimId, string requestId, CancellationToken cancellationToken)
    {
        using var budget = BudgetToken(cancellationToken);
        var now = time.GetUtcNow();
        var request = new PutItemRequest
        {
            TableName = name,
            Item = new Dictionary<string, AttributeValue>
            {
                ["clickKey"] = new() { S = key },
                ["expiresAt"] = new() { N = Epoch(now + KeyLifetime) },
                ["claimId"] = new() { S = claimId },
                ["requestId"] = new() { S = requestId },
            },
            ConditionExpression = Unclaimed,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":now"] = new() { N = Epoch(now) } },
        };
        await Client().PutItemAsync(request, budget.Token);
    }

    private async Task ReleaseAsync(string name, string key, List<string> warnings, CancellationToken cancellationToken)
    {
        try
        {
            using var budget = BudgetToken(cancellationToken);
            var request = new DeleteItemRequest
            {
                TableName = name,
                Key = new Dictionary<string, AttributeValue> { ["clickKey"] = new() { S = key } },
            };
            await Client().DeleteItemAsync(request, budget.Token);
        }
        catch (Exception exception) when (ClaimFailure.IsTableFailure(exception))
        {
            warnings.Add($"{ClaimFailure.Describe(exception, name, Budget)} while releasing click {key}; "
                + $"a repeat delivery of this click will be ignored until the key expires ({KeyLifetime.TotalHours:0} h)");
        }
    }

    private static CancellationTokenSource BudgetToken(CancellationToken cancellationToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        return budget;
    }

    private IAmazonDynamoDB Client()
    {
        if (Volatile.Read(ref this.client) is { } existing)
        {
            return existing;
        }

        // Concurrent first clicks may each build one; the first stored is kept, the others are disposed.
        var created = createClient();
        if (Interlocked.CompareExchange(ref this.client, created, null) is { } winner)
        {
            created.Dispose();
            return winner;
        }

        return created;
    }

    private static string Epoch(DateTimeOffset moment) =>
        moment.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
