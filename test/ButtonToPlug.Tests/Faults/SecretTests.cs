using System.Globalization;
using ButtonToPlug.Settings;
using ButtonToPlug.Testing;
using ButtonToPlug.Tests.Support;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// SecureString parameter values (read decrypted from SSM, here moto_server) never appear in a result, a log line or an
/// error message: not the host or port of the plug, not a malformed value, not the KLAP account's e-mail or password.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class SecretTests(MotoFixture fixture) : IDisposable
{
    private const string UnknownHost = "a name no DNS knows";

    private const string BadOutlet = "an outlet the plug does not have";

    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly string path = MotoFixture.NewPath();
    private readonly StringWriter log = new();

    public void Dispose() => this.log.Dispose();

    [Fact]
    public async Task UnreachablePlug_WithHostAndPortAsSecureStrings_NamesNeither()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Host}", "127.0.0.1");
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Port}", port);
        await fixture.Server.PutAsync($"{this.path}/{SettingNames.Timeout}", "0.5");

        var error = await Assert.ThrowsAsync<FunctionException>(() => Click("on")).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.PlugUnreachable, error.ErrorType);
        AssertNowhere(error, "127.0.0.1", port);
        Assert.Contains(Redactor.Mask, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingPlug_WithTheHostAsASecureString_ResultAndLogMaskIt()
    {
        await using var plug = ScriptedPlug.Working();
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Host}", ScriptedPlug.Host);
        await fixture.Server.PutAsync($"{this.path}/{SettingNames.Port}", plug.Port.ToString(CultureInfo.InvariantCulture));

        var result = System.Text.Encoding.UTF8.GetString(await Click("on").WaitAsync(Hang));

        Assert.True(plug.RelayOn);
        Assert.DoesNotContain(ScriptedPlug.Host, result, StringComparison.Ordinal);
        AssertNowhere(null, ScriptedPlug.Host);
    }

    [Fact]
    public async Task MalformedSecureStrings_AreNamedButNeverQuoted()
    {
        const string badHost = "not a host s3cr3t-h0st";
        const string badPort = "port-s3cr3t-4242";
        const string badAction = "flip-s3cr3t-act10n";
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Host}", badHost);
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Port}", badPort);
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Single}", badAction);

        var error = await Assert.ThrowsAsync<FunctionException>(() => Click(null)).WaitAsync(Hang);

        Assert.Equal(ErrorTypes.ConfigurationError, error.ErrorType);
        Assert.Contains($"{this.path}/{SettingNames.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{this.path}/{SettingNames.Single}", error.Message, StringComparison.Ordinal);
        AssertNowhere(error, "s3cr3t");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KlapAccount_AsSecureStrings_NeverShows(bool rightPassword)
    {
        const string email = "s3cr3t-owner@example.com";
        const string password = "s3cr3t pässword";
        await using var device = await KlapDeviceEmulator.StartAsync(
            new KlapDeviceOptions { Username = email, Password = password, Version = 2 }, CancellationToken.None);
        await fixture.Server.PutAllAsync(this.path, new Dictionary<string, string>
        {
            [SettingNames.Host] = device.Host,
            [SettingNames.Port] = device.Port.ToString(CultureInfo.InvariantCulture),
            [SettingNames.Protocol] = "klap",
        });
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Username}", email);
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Password}", rightPassword ? password : "wrong s3cr3t");

        FunctionException? error = null;
        try
        {
            var result = System.Text.Encoding.UTF8.GetString(await Click("on").WaitAsync(Hang));
            Assert.DoesNotContain("s3cr3t", result, StringComparison.Ordinal);
        }
        catch (FunctionException failure)
        {
            error = failure;
        }

        Assert.Equal(rightPassword, error is null);
        Assert.Equal(rightPassword, device.Plug.RelayOn);
        AssertNowhere(error, "s3cr3t");
    }

    /// <summary>Every way a click can fail at the plug, and the retry warning, over both transports.</summary>
    public static TheoryData<string, string, string> FailurePaths => new()
    {
        { PlugFaults.NothingListening, "xor", "toggle" },
        { PlugFaults.NothingListening, "klap", "toggle" },
        { UnknownHost, "xor", "toggle" },
        { UnknownHost, "klap", "toggle" },
        { PlugFaults.AcceptThenSilence, "xor", "toggle" },
        { PlugFaults.AcceptThenSilence, "klap", "toggle" },
        { PlugFaults.CloseWithoutAnswer, "xor", "on" },
        { BadOutlet, "xor", "on" },
    };

    [Theory]
    [MemberData(nameof(FailurePaths))]
    public async Task SecureStringHost_InMixedCaseAndPadded_NeverShowsInAnyCase(string fault, string protocol, string action)
    {
        var host = fault == UnknownHost ? " No-Such-Plug.Invalid  " : "  LocalHost ";
        var (port, peer) = fault switch
        {
            UnknownHost => (FreePort.Next(), null),
            BadOutlet => StartWorkingPlug(),
            _ => PlugFaults.Start(fault),
        };
        await using var running = peer;
        await fixture.Server.PutSecureAsync($"{this.path}/{SettingNames.Host}", host);
        await fixture.Server.PutAllAsync(this.path, new Dictionary<string, string>
        {
            [SettingNames.Port] = port.ToString(CultureInfo.InvariantCulture),
            [SettingNames.Protocol] = protocol,
            [SettingNames.Timeout] = "1",
        });
        if (fault == BadOutlet)
        {
            await fixture.Server.PutAsync($"{this.path}/{SettingNames.Outlet}", "3");
        }

        var error = await Assert.ThrowsAsync<FunctionException>(() => Click(action)).WaitAsync(Hang);

        Assert.Contains(Redactor.Mask, error.Message, StringComparison.Ordinal);
        var clickLine = Assert.Single(LogEnvelope.ParseAll(this.log.ToString()), line => line.TryGetProperty("outcome", out _));
        Assert.Equal(Redactor.Mask, clickLine.GetProperty("host").GetString());
        if (fault == PlugFaults.CloseWithoutAnswer)
        {
            Assert.Contains("attempt 1 failed", clickLine.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        }

        foreach (var text in new[] { this.log.ToString(), error.Message, error.ToString() })
        {
            Assert.DoesNotContain(host.Trim(), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static (int Port, IAsyncDisposable? Peer) StartWorkingPlug()
    {
        var plug = ScriptedPlug.Working();
        return (plug.Port, plug);
    }

    private Task<byte[]> Click(string? action) =>
        new Function(new ParameterStoreSettings(fixture.Server.Client, this.path, TimeSpan.Zero, TimeProvider.System), this.log, TimeProvider.System)
            .HandleAsync(action is null ? """{"clickType":"SINGLE"}"""u8.ToArray() : Clicks.Command(action), Clicks.FarDeadline(), CancellationToken.None);

    private void AssertNowhere(FunctionException? error, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, this.log.ToString(), StringComparison.Ordinal);
            if (error is not null)
            {
                Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            }
        }
    }
}
