namespace ButtonToPlug.Benchmarks.Field;

/// <summary>
/// Where a cold click's time goes, from the harness's own timestamps (medians over the runs, milliseconds): process start
/// to its first <c>next</c>; that to the SSM proxy accepting a connection (negative when the read began during init); that
/// to the plug proxy accepting one (the SSM exchange, 4 D of it network); that to the response posted (the plug exchange).
/// </summary>
internal sealed record FieldPhases(double StartToNext, double NextToSsm, double SsmToPlug, double PlugToPosted);
