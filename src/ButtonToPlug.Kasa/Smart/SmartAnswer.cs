using System.Text.Json;

namespace ButtonToPlug.Kasa.Smart;

/// <summary>
/// A device's answer to one SMART request: <c>{"error_code":0,"result":{…}}</c>, checked at every level it can carry an error
/// (the envelope, a strip's <c>responseData</c>, each of a <c>multipleRequest</c>'s <c>responses</c>).
/// </summary>
internal sealed class SmartAnswer : IDisposable
{
    private readonly JsonDocument document;
    private readonly KasaEndpoint endpoint;

    private SmartAnswer(JsonDocument document, KasaEndpoint endpoint)
    {
        this.document = document;
        this.endpoint = endpoint;
    }

    public static SmartAnswer Parse(KasaEndpoint endpoint, ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new KasaProtocolException(endpoint, $"the answer ({utf8.Length} bytes) is not JSON: {e.Message}", e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new KasaProtocolException(endpoint, $"the answer is a JSON {kind}, not a SMART answer object");
        }

        return new SmartAnswer(document, endpoint);
    }

    /// <summary>The result of <paramref name="call"/> after every error_code check; for a strip outlet, the outlet's own result.</summary>
    public JsonElement Result(SmartCall call, string? model) => Checked(this.document.RootElement, call.Method, model, isEnvelope: true);

    /// <summary>The result of a strip outlet's call, carried in <c>result.responseData</c>.</summary>
    public JsonElement ChildResult(string method, string? model)
    {
        var routed = Checked(this.document.RootElement, SmartCall.ControlChild, model, isEnvelope: true);
        if (routed.ValueKind != JsonValueKind.Object || !routed.TryGetProperty("responseData", out var response))
        {
            throw new KasaProtocolException(this.endpoint, "control_child answered without responseData");
        }

        return Checked(response, method, model, isEnvelope: false);
    }

    /// <summary>Checks each answer of a <c>multipleRequest</c> in order, so the first refusal is the one reported.</summary>
    public void EnsureEachSucceeded(JsonElement multipleResult, IReadOnlyList<SmartCall> calls, string? model)
    {
        if (multipleResult.ValueKind != JsonValueKind.Object
            || !multipleResult.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Array)
        {
            throw new KasaProtocolException(this.endpoint, "multipleRequest answered without a responses list");
        }

        var answered = responses.EnumerateArray().ToList();
        for (var i = 0; i < calls.Count; i++)
        {
            if (i >= answered.Count)
            {
                throw new KasaProtocolException(this.endpoint, $"multipleRequest answered {answered.Count} of {calls.Count} methods; {calls[i]} has no answer");
            }

            Checked(answered[i], calls[i].Method, model, isEnvelope: false);
        }
    }

    public void Dispose() => this.document.Dispose();

    private JsonElement Checked(JsonElement answer, string method, string? model, bool isEnvelope)
    {
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("error_code", out var code))
        {
            if (isEnvelope && LooksLikeIotRefusal(answer, out var looked))
            {
                throw new KasaWrongDialectException(this.endpoint, KasaDialect.Smart, looked);
            }

            throw new KasaProtocolException(this.endpoint, $"the answer to {method} has no error_code; not a SMART answer");
        }

        if (code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var errorCode))
        {
            throw new KasaProtocolException(this.endpoint, $"error_code of {method} is not an integer: {code.GetRawText()}");
        }

        if (errorCode != 0)
        {
            throw SmartErrorCode.ToException(this.endpoint, method, errorCode, model);
        }

        return answer.TryGetProperty("result", out var result) ? result : default;
    }

    /// <summary>An IOT device reads each key of a SMART request as a module it lacks: <c>{"method":{"err_code":-1,"err_msg":"module not support"},…}</c>.</summary>
    private static bool LooksLikeIotRefusal(JsonElement answer, out string looked)
    {
        looked = "";
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var module in answer.EnumerateObject())
        {
            if (module.Value.ValueKind == JsonValueKind.Object && module.Value.TryGetProperty("err_code", out _))
            {
                looked = $"{{\"{module.Name}\":{module.Value.GetRawText()}}}";
                return true;
            }
        }

        return false;
    }
}
