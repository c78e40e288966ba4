namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// Tests that run on their own, after the parallel collections: the fuzz run and the 200 parallel clicks keep the cores and
/// the thread pool busy for seconds, and the deadline and retry tests
/// work with sub-second timeouts that a starved thread pool would blur.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
