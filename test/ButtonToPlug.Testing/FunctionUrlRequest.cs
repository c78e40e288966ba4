using System.Text.Json.Nodes;

namespace ButtonToPlug.Testing;

/// <summary>Lambda Function URL requests (payload format 2.0) as the service builds them: lower-case headers, the body as text.</summary>
public static class FunctionUrlRequest
{
    /// <param name="body">The request body, or null for none (a GET).</param>
    /// <param name="query">The raw query string without the <c>?</c>.</param>
    /// <param name="headers">Header names as the caller wrote them; the Function URL lower-cases them.</param>
    public static byte[] Create(string? body = null, string query = "", bool base64 = false, params (string Name, string Value)[] headers)
    {
        var headerObject = new JsonObject { ["host"] = "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws" };
        foreach (var (name, value) in headers)
        {
            headerObject[name.ToLowerInvariant()] = value;
        }

        var request = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = "/",
            ["rawQueryString"] = query,
            ["headers"] = headerObject,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "anonymous",
                ["http"] = new JsonObject { ["method"] = body is null ? "GET" : "POST", ["path"] = "/", ["sourceIp"] = "203.0.113.7" },
                ["requestId"] = Guid.NewGuid().ToString(),
            },
            ["isBase64Encoded"] = base64,
        };
        if (body is not null)
        {
            request["body"] = body;
        }

        return System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
    }

    public static (string, string) Bearer(string token) => ("Authorization", $"Bearer {token}");
}
