using System.Diagnostics;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// One runtime doing one kind of cold click in the field benchmark.
/// </summary>
/// <param name="Name">Who: ButtonToPlug's build, or the peer's language and SDK.</param>
/// <param name="Click">The event and the action it maps to, e.g. <c>double (on)</c>.</param>
/// <param name="Group">The cgroup name of its CPU cap (one per runtime).</param>
/// <param name="EventFile">The event under <c>events/</c>.</param>
/// <param name="PlugRequestsAtLeast">What the action needs at the least: 1 request for on/off, 2 for toggle (read, then set).</param>
/// <param name="IsPeer">A peer (the yardstick), rather than ButtonToPlug itself.</param>
/// <param name="StartInfo">How Lambda would start it.</param>
internal sealed record Contender(
    string Name, string Click, string Group, string EventFile, int PlugRequestsAtLeast, bool IsPeer, Func<ProcessStartInfo> StartInfo)
{
    public string Label => $"{Name}, {Click}";
}
