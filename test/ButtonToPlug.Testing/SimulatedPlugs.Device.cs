namespace ButtonToPlug.Testing;

public sealed partial class SimulatedPlugs
{
    /// <summary>One simulated device: its model, the port it answers on (TCP and UDP), and the full ids of its outlets.</summary>
    public sealed record Device(string Model, int Port, string DeviceId, IReadOnlyList<string> ChildIds);
}
