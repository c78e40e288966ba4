using System.Diagnostics.CodeAnalysis;

namespace ButtonToPlug.Actions;

/// <summary>
/// One action of CONTRACTS.md section 3: <c>on</c>, <c>off</c>, <c>toggle</c>, or <c>on:&lt;duration&gt;</c> /
/// <c>off:&lt;duration&gt;</c>, where the plug's own countdown rule switches back after the duration.
/// </summary>
internal sealed record ClickAction(SwitchKind Kind, TimeSpan? SwitchBackAfter)
{
    public static readonly ClickAction On = new(SwitchKind.On, null);
    public static readonly ClickAction Off = new(SwitchKind.Off, null);
    public static readonly ClickAction Toggle = new(SwitchKind.Toggle, null);

    /// <summary>What every valid action looks like, for error messages.</summary>
    public const string Forms = "on, off, toggle, on:<duration> or off:<duration> (duration like 90s, 30m, 2h or 1h30m, from 1s to 24h)";

    /// <summary>The canonical text: lower case, the duration in its shortest form (<c>on:1h30m</c>).</summary>
    public override string ToString()
    {
        var name = Kind switch
        {
            SwitchKind.On => "on",
            SwitchKind.Off => "off",
            _ => "toggle",
        };
        return SwitchBackAfter is { } after ? $"{name}:{Duration.Format(after)}" : name;
    }

    /// <summary>Reads an action in any letter case, surrounding blanks ignored.</summary>
    /// <param name="problem">When false is returned: what is wrong with the text, for the user.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out ClickAction? action, [NotNullWhen(false)] out string? problem)
    {
        action = null;
        var trimmed = text.AsSpan().Trim();
        var colon = trimmed.IndexOf(':');
        var name = colon < 0 ? trimmed : trimmed[..colon].TrimEnd();
        SwitchKind kind;
        if (name.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            kind = SwitchKind.On;
        }
        else if (name.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            kind = SwitchKind.Off;
        }
        else if (name.Equals("toggle", StringComparison.OrdinalIgnoreCase))
        {
            kind = SwitchKind.Toggle;
        }
        else
        {
            problem = $"{Quote.Of(trimmed)} is not an action; use {Forms}";
            return false;
        }

        if (colon < 0)
        {
            action = new ClickAction(kind, null);
            problem = null;
            return true;
        }

        if (kind == SwitchKind.Toggle)
        {
            // The countdown rule needs a known end state; "toggle for 30 minutes" would depend on the state before.
            problem = "toggle takes no duration; use on:<duration> or off:<duration>";
            return false;
        }

        if (!Duration.TryParse(trimmed[(colon + 1)..].TrimStart(), out var after, out problem))
        {
            return false;
        }

        action = new ClickAction(kind, after);
        return true;
    }
}
