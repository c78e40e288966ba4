using ButtonToPlug.Testing.Latency;

namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// One contender's cold clicks under one condition: wall time (process start to response posted) and CPU time, with
/// the connections/requests the proxies counted (medians over the runs), against the network floor.
/// </summary>
/// <param name="FloorMs">The click's network floor: 4 D to connect and send one request, 2 D per further request, SSM and plug.</param>
/// <param name="MeasuredFloorMs">
/// The floor as this machine delivers it: the model's SSM part, moto_server's own answer time, and the bare plug exchange
/// through the proxy (the simulator's time and the proxy's precision in it). Our overhead is best read against this one.
/// </param>
/// <param name="ToBestPeer">This median over the best peer's median for the same click; null where no peer does that click.</param>
internal sealed record FieldOutcome(
    string Contender, string Click, bool IsPeer, TimingStats Wall, TimingStats Cpu, ProxyCounts Plug, ProxyCounts Ssm,
    double FloorMs, double OverFloorMs, double MeasuredFloorMs, double OverMeasuredFloorMs, double? ToBestPeer, FieldPhases Phases);
