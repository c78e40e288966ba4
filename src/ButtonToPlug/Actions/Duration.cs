using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ButtonToPlug.Actions;

/// <summary>
/// Durations of <c>on:&lt;duration&gt;</c>: whole hours, minutes and seconds written as <c>90s</c>, <c>30m</c>, <c>2h</c>
/// or combined largest unit first (<c>1h30m</c>, <c>2m30s</c>), from 1 second to 24 hours.
/// </summary>
internal static class Duration
{
    /// <summary>
    /// The plug's countdown rule counts whole seconds; a day is the longest a button press plausibly means
    /// (beyond that a schedule in the Kasa app is the better tool) and stays far below the rule's own limits.
    /// </summary>
    public static readonly TimeSpan Min = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    private const string Shape = "write the duration as whole numbers with units h, m, s, largest first: 90s, 30m, 2h, 1h30m";

    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan duration, [NotNullWhen(false)] out string? problem)
    {
        duration = TimeSpan.Zero;
        if (text.IsEmpty)
        {
            problem = $"the duration is missing; {Shape}";
            return false;
        }

        long seconds = 0;
        var lastUnitRank = int.MaxValue;
        while (!text.IsEmpty)
        {
            var digits = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            // Nine digits of seconds already exceed 24 hours; the bound keeps the arithmetic far from overflow.
            if (digits == 0 || digits > 9 || digits == text.Length)
            {
                problem = $"{Quote.Of(text)} is not a duration; {Shape}";
                return false;
            }

            var value = long.Parse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            var (rank, unitSeconds) = char.ToLowerInvariant(text[digits]) switch
            {
                'h' => (3, 3600L),
                'm' => (2, 60L),
                's' => (1, 1L),
                _ => (0, 0L),
            };
            if (rank == 0 || rank >= lastUnitRank)
            {
                problem = $"{Quote.Of(text)} is not a duration; {Shape}";
                return false;
            }

            lastUnitRank = rank;
            seconds += value * unitSeconds;
            text = text[(digits + 1)..];
        }

        duration = TimeSpan.FromSeconds(seconds);
        if (duration < Min || duration > Max)
        {
            problem = $"{Format(duration)} is outside 1s to 24h";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The shortest form: <c>90s</c> becomes <c>1m30s</c>, <c>3600s</c> becomes <c>1h</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var total = (long)duration.TotalSeconds;
        var hours = total / 3600;
        var minutes = total % 3600 / 60;
        var seconds = total % 60;
        var text = (hours > 0 ? $"{hours}h" : "") + (minutes > 0 ? $"{minutes}m" : "") + (seconds > 0 ? $"{seconds}s" : "");
        return text.Length == 0 ? "0s" : text;
    }
}
