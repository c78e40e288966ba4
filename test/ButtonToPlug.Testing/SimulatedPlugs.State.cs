namespace ButtonToPlug.Testing;

public sealed partial class SimulatedPlugs
{
    /// <summary>A device's relay as the simulator holds it; for a strip, <see cref="Children"/> carries each outlet.</summary>
    public sealed record State(bool IsOn, IReadOnlyList<Outlet> Children);

    /// <summary>One outlet of a simulated strip.</summary>
    public sealed record Outlet(string Id, string Alias, bool IsOn);

    /// <summary>A count_down rule as the device stores it (-1 for a field it does not have).</summary>
    public sealed record CountdownRule(int Enable, int DelaySeconds, int Act);
}
