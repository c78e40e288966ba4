using System.Globalization;

namespace ButtonToPlug.Benchmarks;

/// <summary>The one-minute load average: numbers taken on a busy machine say so in the results.</summary>
internal static class MachineLoad
{
    public static double OneMinute() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : -1;
}
