using ButtonToPlug.Kasa.Iot;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>
/// Real-device answers collected in ../shared/fixtures/ (next to the repository), when that directory exists. Without it
/// the test reports itself as skipped rather than passing on nothing.
/// </summary>
public sealed class SharedFixtureTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FixturesTheoryAttribute.Directory!).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [FixturesTheory]
    [MemberData(nameof(Files))]
    public void GetSysInfo_SharedFixture_Parses(string file)
    {
        var endpoint = new KasaEndpoint("fixture", KasaEndpoint.LegacyPort);
        var bytes = File.ReadAllBytes(Path.Combine(FixturesTheoryAttribute.Directory!, file));

        using var answer = IotAnswer.Parse(endpoint, bytes);
        var info = SysInfoReader.Read(endpoint, answer.Result(IotMethod.GetSysInfo));

        Assert.NotEmpty(info.Model);
    }
}
