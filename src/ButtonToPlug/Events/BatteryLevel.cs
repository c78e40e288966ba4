namespace ButtonToPlug.Events;

/// <summary>The SORACOM LTE-M Button Plus / Enterprise <c>batteryLevel</c>: a fraction the button reports in steps, 0.25 to 1.0.</summary>
internal readonly record struct BatteryLevel(double Fraction)
{
    /// <summary>0.25 is the button's last step before it stops: SORACOM's own scale calls it nearly empty.</summary>
    public const double LowAtOrBelow = 0.25;

    public bool IsLow => Fraction <= LowAtOrBelow;

    public int Percent => (int)Math.Round(Fraction * 100, MidpointRounding.AwayFromZero);
}
