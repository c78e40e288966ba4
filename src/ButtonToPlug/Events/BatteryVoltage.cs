using System.Globalization;

namespace ButtonToPlug.Events;

/// <summary>The classic button's <c>batteryVoltage</c>, sent as <c>"1705mV"</c> or <c>"2000 mV"</c>.</summary>
internal readonly record struct BatteryVoltage(int Millivolts)
{
    /// <summary>
    /// The button runs on a lithium AAA cell: it reads about 1.7–1.8 V new and holds near that for most of its life, and
    /// once it falls under 1.5 V under load the remaining capacity is small, so that is when the user should hear about it.
    /// </summary>
    public const int LowMillivolts = 1500;

    public bool IsLow => Millivolts < LowMillivolts;

    /// <summary>Accepts digits, optional blanks, then <c>mV</c> in any letter case; anything else is not a reading.</summary>
    public static bool TryParse(string text, out BatteryVoltage voltage)
    {
        voltage = default;
        var span = text.AsSpan().Trim();
        if (!span.EndsWith("mv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var number = span[..^2].TrimEnd();
        if (number.Length is 0 or > 6 || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var millivolts))
        {
            return false;
        }

        voltage = new BatteryVoltage(millivolts);
        return true;
    }
}
