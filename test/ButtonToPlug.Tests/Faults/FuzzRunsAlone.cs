namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// The fuzz run keeps a core busy for seconds; it runs on its own, after the parallel collections, so it never starves
/// the tests that check a click answers before its deadline.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzRunsAlone
{
    public const string Name = "fuzz";
}
