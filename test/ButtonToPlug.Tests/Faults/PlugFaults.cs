using ButtonToPlug.Testing;

namespace ButtonToPlug.Tests.Faults;

/// <summary>The plug-side faults of issue 5, by name, each as a scripted plug (or a port nothing listens on).</summary>
internal static class PlugFaults
{
    public const string NothingListening = "nothing listening";
    public const string ConnectNeverCompletes = "connect never completes";
    public const string AcceptThenSilence = "accept then silence";
    public const string CloseWithoutAnswer = "close without answering";
    public const string ResetMidFrame = "reset mid-frame";
    public const string LengthZero = "length header 0";
    public const string LengthFourGigabytes = "length header 4 GB";
    public const string NotJson = "valid frame of non-JSON";
    public const string NotAKasaAnswer = "JSON that is not a Kasa answer";
    public const string JsonArray = "a JSON array";
    public const string ModuleErrorCode = "err_code on the module";
    public const string MethodErrorCode = "err_code on the method";
    public const string SlowDrip = "very slow drip of bytes";

    private const string SysInfo =
        """{"system":{"get_sysinfo":{"model":"HS100(US)","alias":"drip","relay_state":0,"deviceId":"8006","err_code":0}}}""";

    /// <summary>The port to point the settings at, and what to dispose afterwards (null for "nothing listening").</summary>
    public static (int Port, IAsyncDisposable? Peer) Start(string fault)
    {
        if (fault == NothingListening)
        {
            return (FreePort.Next(), null);
        }

        var plug = fault == ConnectNeverCompletes
            ? ScriptedPlug.StartWithDoorClosed(ScriptedPlug.ServeLikeAPlugAsync)
            : ScriptedPlug.Start(connection => BehaveAsync(fault, connection));
        return (plug.Port, plug);
    }

    private static async Task BehaveAsync(string fault, PlugConnection connection)
    {
        // A null request is an auto-protocol client trying KLAP's HTTP on the second connection: it gets the same treatment.
        await connection.ReadRequestAsync();
        switch (fault)
        {
            case AcceptThenSilence:
                await connection.SilenceAsync();
                break;
            case CloseWithoutAnswer:
                connection.Hangup();
                break;
            case ResetMidFrame:
                await connection.SendAsync(PlugConnection.Frame(SysInfo).AsMemory(0, 9));
                connection.Reset();
                break;
            case LengthZero:
                await connection.SendAsync(new byte[4]);
                await connection.SilenceAsync();
                break;
            case LengthFourGigabytes:
                await connection.SendAsync(new byte[] { 0xff, 0xff, 0xff, 0xff, 0x00, 0x01 });
                await connection.SilenceAsync();
                break;
            case NotJson:
                await connection.AnswerAsync("<html>router login</html>");
                await connection.SilenceAsync();
                break;
            case NotAKasaAnswer:
                await connection.AnswerAsync("""{"hello":"world","err_code":0}""");
                await connection.SilenceAsync();
                break;
            case JsonArray:
                await connection.AnswerAsync("[1,2,3]");
                await connection.SilenceAsync();
                break;
            case ModuleErrorCode:
                await connection.AnswerAsync("""{"system":{"err_code":-1,"err_msg":"module not support"}}""");
                await connection.SilenceAsync();
                break;
            case MethodErrorCode:
                await connection.AnswerAsync("""{"system":{"get_sysinfo":{"err_code":-2,"err_msg":"member not support"}}}""");
                await connection.SilenceAsync();
                break;
            case SlowDrip:
                await connection.DripAsync(PlugConnection.Frame(SysInfo), TimeSpan.FromMilliseconds(100));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault");
        }
    }
}
