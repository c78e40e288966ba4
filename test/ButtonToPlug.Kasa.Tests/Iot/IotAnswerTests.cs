using System.Text;
using ButtonToPlug.Kasa.Iot;

namespace ButtonToPlug.Kasa.Tests.Iot;

public sealed class IotAnswerTests
{
    private static readonly KasaEndpoint Endpoint = new("plug.example.net", 10001);

    [Theory]
    [InlineData("""{"system":{"err_code":-1,"err_msg":"module not support"}}""", -1, "module not support")]
    [InlineData("""{"system":{"set_relay_state":{"err_code":-2,"err_msg":"member not support"}}}""", -2, "member not support")]
    [InlineData("""{"system":{"set_relay_state":{"err_code":-14,"err_msg":"entry not exist"}}}""", -14, "entry not exist")]
    [InlineData("""{"system":{"set_relay_state":{"err_code":-3}}}""", -3, null)]
    public void Result_NonZeroErrCodeAtEitherLevel_IsDeviceErrorWithCodeAndMessage(string json, int code, string? message)
    {
        using var answer = IotAnswer.Parse(Endpoint, Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<KasaDeviceException>(() => answer.Result(IotMethod.SetRelayState));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.DeviceMessage);
        Assert.Equal("system.set_relay_state", error.Command);
        Assert.Equal(Endpoint, error.Endpoint);
        Assert.StartsWith("plug.example.net:10001: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"system\":")]
    [InlineData("")]
    public void Parse_NotJson_IsProtocolError(string text)
    {
        var error = Assert.Throws<KasaProtocolException>(() => IotAnswer.Parse(Endpoint, Encoding.UTF8.GetBytes(text)));

        Assert.Contains("plug.example.net:10001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"system\"")]
    [InlineData("null")]
    public void Parse_JsonThatIsNotAnObject_IsProtocolError(string json)
    {
        Assert.Throws<KasaProtocolException>(() => IotAnswer.Parse(Endpoint, Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"system":"on"}""")]
    [InlineData("""{"system":{}}""")]
    [InlineData("""{"system":{"set_relay_state":5}}""")]
    [InlineData("""{"system":{"set_relay_state":{}}}""")]
    [InlineData("""{"system":{"set_relay_state":{"err_code":"0"}}}""")]
    public void Result_JsonThatIsNotAKasaAnswer_IsProtocolError(string json)
    {
        using var answer = IotAnswer.Parse(Endpoint, Encoding.UTF8.GetBytes(json));

        Assert.Throws<KasaProtocolException>(() => answer.Result(IotMethod.SetRelayState));
    }

    [Fact]
    public void EnsureSuccess_ReportsTheFirstRefusedMethodInRequestOrder()
    {
        var request = new IotRequest()
            .Add(IotMethod.SetRelayState)
            .Add(IotMethod.CountDownDeleteAllRules)
            .Add(IotMethod.CountDownAddRule);
        var json = """{"system":{"set_relay_state":{"err_code":0}},"count_down":{"delete_all_rules":{"err_code":0},"add_rule":{"err_code":-10,"err_msg":"table is full"}}}""";
        using var answer = IotAnswer.Parse(Endpoint, Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<KasaDeviceException>(() => answer.EnsureSuccess(request));

        Assert.Equal("count_down.add_rule", error.Command);
        Assert.Equal(-10, error.ErrorCode);
    }

    [Theory]
    [InlineData("""{"system":{"get_sysinfo":{"model":"X","err_code":0}}}""")]
    [InlineData("""{"system":{"get_sysinfo":{"model":"X","relay_state":"on","err_code":0}}}""")]
    [InlineData("""{"system":{"get_sysinfo":{"model":"X","children":[{"alias":"no id","state":1}],"err_code":0}}}""")]
    public void SysInfo_WithoutUsableRelayOrOutlets_IsProtocolError(string json)
    {
        using var answer = IotAnswer.Parse(Endpoint, Encoding.UTF8.GetBytes(json));

        Assert.Throws<KasaProtocolException>(() => SysInfoReader.Read(Endpoint, answer.Result(IotMethod.GetSysInfo)));
    }
}
