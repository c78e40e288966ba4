using System.Globalization;

namespace ButtonToPlug.Events;

/// <summary>
/// A battery reading in millivolts, with the level under which that model's cells are nearly spent: the classic
/// button's <c>batteryVoltage</c> (<c>"1705mV"</c> or <c>"2000 mV"</c>) or the global SORACOM button's <c>batt_vol</c>.
/// </summary>
internal readonly record struct BatteryVoltage(int Millivolts)
{
    /// <summary>
    /// The classic button runs on a lithium AAA cell: it reads about 1.7–1.8 V new and holds near that for most of its life, and
    /// once it falls under 1.5 V under load the remaining capacity is small, so that is when the user should hear about it.
    /// </summary>
    public const int LowMillivolts = 1500;

    /// <summary>
    /// The global SORACOM LTE-M Button runs on two AAA alkaline cells in series (3.0 V new, the value SORACOM's examples
    /// show). SORACOM publishes no threshold; 2.5 V, 1.25 V a cell, is where an alkaline cell's useful capacity under a
    /// radio's load is nearly gone, so the user hears about it while clicks still get through.
    /// </summary>
    public const int SoracomLowMillivolts = 2500;

    /// <summary>Under this the battery is reported low; the classic button's level unless the reader says otherwise.</summary>
    public int LowBelowMillivolts { get; init; } = LowMillivolts;

    public bool IsLow => Millivolts < LowBelowMillivolts;

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
