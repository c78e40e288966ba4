using System.Text;

namespace ButtonToPlug.Tests.Faults;

/// <summary>Direct-command events and invocation contexts for the fault tests.</summary>
internal static class Clicks
{
    public static byte[] Command(string action) => Encoding.UTF8.GetBytes($$"""{"action":"{{action}}"}""");

    /// <summary>A context whose deadline is far away, so only the plug timeout can end a click early.</summary>
    public static InvocationContext FarDeadline() => Within(TimeSpan.FromSeconds(60));

    public static InvocationContext Within(TimeSpan budget) => Within(budget, TimeProvider.System);

    /// <summary>A context whose deadline is <paramref name="budget"/> from the clock's now, for a function that runs on it.</summary>
    public static InvocationContext Within(TimeSpan budget, TimeProvider clock) => new($"faults-{Guid.NewGuid():N}", clock.GetUtcNow() + budget, null);
}
