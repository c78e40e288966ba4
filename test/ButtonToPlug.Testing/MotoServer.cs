using System.Diagnostics;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ButtonToPlug.Testing;

/// <summary>
/// moto_server (moto 5, someone else's implementation of the AWS APIs) on a free 127.0.0.1 port, answering SSM and DynamoDB
/// the way the real services do. Parameters are seeded and tables created through the APIs with the real AWS SDK clients,
/// exactly as a user (or CloudFormation) does it.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    public const string Region = "us-east-1";

    /// <summary>moto accepts any credentials; these only have to look like keys so the SDK signs requests.</summary>
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";

    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process python;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MotoServer(Process python, int port)
    {
        this.python = python;
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        Client = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials(AccessKeyId, SecretAccessKey),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region });
        Dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials(AccessKeyId, SecretAccessKey),
            new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region });
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    /// <summary>An SSM client of the test's own, for seeding and reading back.</summary>
    public IAmazonSimpleSystemsManagement Client { get; }

    /// <summary>A DynamoDB client of the test's own, for creating tables and reading items back.</summary>
    public IAmazonDynamoDB Dynamo { get; }

    /// <summary>
    /// The SDK's own variables that point a client at this server: what a user would export for a local run, and what
    /// a child process (the CLI, the function executable) gets.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_SSM"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_DYNAMODB"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
    };

    /// <summary>An SSM client with moto's credentials that calls <paramref name="url"/> (moto itself, or something in front of it) on <paramref name="config"/>.</summary>
    public static AmazonSimpleSystemsManagementClient SsmClientAt(string url, AmazonSimpleSystemsManagementConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.ServiceURL = url;
        config.AuthenticationRegion = Region;
        return new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials(AccessKeyId, SecretAccessKey), config);
    }

    public static async Task<MotoServer> StartAsync()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var server = new MotoServer(python, port);
        python.OutputDataReceived += (_, e) => server.Observe(e.Data);
        python.ErrorDataReceived += (_, e) => server.Observe(e.Data);
        python.BeginOutputReadLine();
        python.BeginErrorReadLine();
        python.EnableRaisingEvents = true;
        python.Exited += (_, _) => server.listening.TrySetException(new InvalidOperationException($"moto_server exited: {server.Output}"));

        try
        {
            await server.listening.Task.WaitAsync(StartTimeout);

            // "Running on" is printed as the socket starts listening; one real call proves SSM answers.
            await server.Client.DescribeParametersAsync(new DescribeParametersRequest());
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or AmazonServiceException or HttpRequestException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"moto_server did not come up on port {port}: {e.Message}\n{server.Output}", e);
        }

        return server;
    }

    public Task PutAsync(string name, string value) => PutAsync(name, value, ParameterType.String);

    public Task PutSecureAsync(string name, string value) => PutAsync(name, value, ParameterType.SecureString);

    public async Task PutAsync(string name, string value, ParameterType type) =>
        await Client.PutParameterAsync(new PutParameterRequest { Name = name, Value = value, Type = type, Overwrite = true });

    /// <summary>Puts every entry as <c>{path}/{key}</c>, as plain String parameters.</summary>
    public async Task PutAllAsync(string path, IEnumerable<KeyValuePair<string, string>> settings)
    {
        foreach (var (key, value) in settings)
        {
            await PutAsync($"{path}/{key}", value);
        }
    }

    /// <summary>Removes a parameter, as a user would (the end-to-end tests use it for a missing host).</summary>
    public async Task DeleteAsync(string name) =>
        await Client.DeleteParameterAsync(new DeleteParameterRequest { Name = name });

    /// <summary>A click table as template.yaml declares it: on-demand, partition key <c>clickKey</c> (S), TTL on <c>expiresAt</c>.</summary>
    public async Task CreateClickTableAsync(string table)
    {
        await Dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("clickKey", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("clickKey", KeyType.HASH)],
        });
        await Dynamo.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = table,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expiresAt", Enabled = true },
        });
    }

    /// <summary>The item stored for a click key, or null when the key is not claimed.</summary>
    public async Task<Dictionary<string, AttributeValue>?> ReadClickAsync(string table, string clickKey)
    {
        var answer = await Dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["clickKey"] = new() { S = clickKey } },
            ConsistentRead = true,
        });
        return answer.Item is { Count: > 0 } item ? item : null;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Dynamo.Dispose();
        try
        {
            if (!this.python.HasExited)
            {
                this.python.Kill(entireProcessTree: true);
                await this.python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            // Already gone, or stuck beyond a kill: nothing more a test can do about it.
        }
        finally
        {
            this.python.Dispose();
        }
    }

    private string Output
    {
        get
        {
            lock (this.output)
            {
                return this.output.ToString();
            }
        }
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (this.output)
        {
            this.output.AppendLine(line);
        }

        if (line.Contains("Running on", StringComparison.Ordinal))
        {
            this.listening.TrySetResult();
        }
    }
}
