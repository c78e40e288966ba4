using System.Text;
using ButtonToPlug.Kasa.Iot;

namespace ButtonToPlug.Kasa.Tests.Iot;

public sealed class IotRequestTests
{
    [Fact]
    public void ToUtf8_GetSysInfo_IsTheClassicProbe()
    {
        var json = Encoding.UTF8.GetString(new IotRequest().Add(IotMethod.GetSysInfo).ToUtf8());

        Assert.Equal("""{"system":{"get_sysinfo":{}}}""", json);
    }

    [Fact]
    public void ToUtf8_WithChildId_PutsContextFirstAndGroupsMethodsByModule()
    {
        var request = new IotRequest("8006A1B2C3D4E5F60718293A4B5C6D7E8F90123402")
            .Add(IotMethod.SetRelayState, w => w.WriteNumber("state", 1))
            .Add(IotMethod.CountDownDeleteAllRules)
            .Add(IotMethod.CountDownAddRule, w => w.WriteNumber("delay", 90));

        var json = Encoding.UTF8.GetString(request.ToUtf8());

        Assert.Equal(
            """{"context":{"child_ids":["8006A1B2C3D4E5F60718293A4B5C6D7E8F90123402"]},"system":{"set_relay_state":{"state":1}},"count_down":{"delete_all_rules":{},"add_rule":{"delay":90}}}""",
            json);
    }

    [Fact]
    public void Add_ReopeningAClosedModule_Throws()
    {
        var request = new IotRequest().Add(IotMethod.GetSysInfo).Add(IotMethod.CountDownDeleteAllRules);

        Assert.Throws<InvalidOperationException>(() => request.Add(IotMethod.SetRelayState));
    }

    [Fact]
    public void ToUtf8_NonAsciiArgument_IsValidUtf8Json()
    {
        var request = new IotRequest().Add(new IotMethod("system", "set_dev_alias"), w => w.WriteString("alias", "Küche ☕"));

        using var document = System.Text.Json.JsonDocument.Parse(request.ToUtf8());

        Assert.Equal("Küche ☕", document.RootElement.GetProperty("system").GetProperty("set_dev_alias").GetProperty("alias").GetString());
    }
}
