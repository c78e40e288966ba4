using ButtonToPlug.Actions;
using ButtonToPlug.Events;
using ButtonToPlug.Settings;

namespace ButtonToPlug.Reporting;

/// <summary>What is known about one invocation so far, filled in step by step, so a failure at any step is logged with it all.</summary>
internal sealed class ClickFacts(InvocationContext context, long startedAt)
{
    public InvocationContext Context { get; } = context;

    /// <summary>A <see cref="TimeProvider"/> timestamp.</summary>
    public long StartedAt { get; } = startedAt;

    public ButtonEvent? Event { get; set; }

    public PlugSettings? Settings { get; set; }

    public ClickAction? Action { get; set; }

    public List<string> Warnings { get; } = [];
}
