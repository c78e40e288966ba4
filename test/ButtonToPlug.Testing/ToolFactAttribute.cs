using Xunit;

namespace ButtonToPlug.Testing;

/// <summary>
/// A fact that needs tools beyond the .NET SDK (<see cref="Tools"/>); when one is missing the test is skipped, visibly,
/// with what to install, instead of failing on a missing program or passing on nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var missing = tools.Select(Tools.Missing).OfType<string>().ToList();
        if (missing.Count > 0)
        {
            Skip = $"skipped, missing {string.Join("; ", missing)}";
        }
    }
}
