using System.Text.Json;

namespace ButtonToPlug.Kasa.Iot;

/// <summary>
/// A device's answer to an <see cref="IotRequest"/>. Each result is checked at both levels the devices report errors on:
/// the module (<c>{"system":{"err_code":-1,...}}</c>) and the method (<c>{"system":{"x":{"err_code":-2,...}}}</c>).
/// </summary>
internal sealed class IotAnswer : IDisposable
{
    private readonly JsonDocument document;
    private readonly KasaEndpoint endpoint;

    private IotAnswer(JsonDocument document, KasaEndpoint endpoint)
    {
        this.document = document;
        this.endpoint = endpoint;
    }

    public static IotAnswer Parse(KasaEndpoint endpoint, ReadOnlyMemory<byte> utf8)
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

        var kind = document.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new KasaProtocolException(endpoint, $"the answer is a JSON {kind}, not a Kasa answer object");
        }

        return new IotAnswer(document, endpoint);
    }

    /// <summary>Checks every method of the request in order, so the first refusal is the one reported.</summary>
    public void EnsureSuccess(IotRequest request)
    {
        foreach (var method in request.Methods)
        {
            Result(method);
        }
    }

    /// <summary>The result object of one method, after both err_code checks.</summary>
    public JsonElement Result(IotMethod method)
    {
        if (!this.document.RootElement.TryGetProperty(method.Module, out var module) || module.ValueKind != JsonValueKind.Object)
        {
            if (this.document.RootElement.TryGetProperty("error_code", out var smartCode))
            {
                // A SMART device reads an IOT request as a SMART one without a method and refuses it whole, running nothing.
                throw new KasaWrongDialectException(this.endpoint, KasaDialect.Iot, $"{{\"error_code\":{smartCode.GetRawText()}}}");
            }

            throw new KasaProtocolException(this.endpoint, $"the answer has no '{method.Module}' object for {method}; not a Kasa answer");
        }

        ThrowIfRefused(module, method);
        if (!module.TryGetProperty(method.Method, out var result) || result.ValueKind != JsonValueKind.Object)
        {
            throw new KasaProtocolException(this.endpoint, $"the answer has no result object for {method}");
        }

        if (!result.TryGetProperty("err_code", out _))
        {
            throw new KasaProtocolException(this.endpoint, $"the result of {method} has no err_code; not a Kasa answer");
        }

        ThrowIfRefused(result, method);
        return result;
    }

    public void Dispose() => this.document.Dispose();

    private void ThrowIfRefused(JsonElement element, IotMethod method)
    {
        if (!element.TryGetProperty("err_code", out var code))
        {
            return;
        }

        if (code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var errorCode))
        {
            throw new KasaProtocolException(this.endpoint, $"err_code of {method} is not an integer: {code.GetRawText()}");
        }

        if (errorCode != 0)
        {
            var message = element.TryGetProperty("err_msg", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            throw new KasaDeviceException(this.endpoint, method.ToString(), errorCode, message);
        }
    }
}
