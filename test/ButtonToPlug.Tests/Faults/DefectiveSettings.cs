using ButtonToPlug.Settings;

namespace ButtonToPlug.Tests.Faults;

/// <summary>
/// A settings source with a defect: its first call throws <paramref name="defect"/> (an exception no layer maps), later
/// calls hand out <paramref name="then"/>. Built by the tests, so the function's edge meets a real unexpected exception.
/// </summary>
internal sealed class DefectiveSettings(Exception defect, ISettingsSource then) : ISettingsSource
{
    private int calls;

    public Task<SettingsRead> GetAsync(CancellationToken cancellationToken) =>
        Interlocked.Increment(ref this.calls) == 1 ? Task.FromException<SettingsRead>(defect) : then.GetAsync(cancellationToken);
}
