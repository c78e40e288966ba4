namespace ButtonToPlug.Kasa;

/// <summary>
/// The outlet setting does not fit the device: an index beyond the strip's outlets, an id it does not have, or an outlet
/// given for a single plug. Raised before anything is switched; the message lists the outlets the device does have.
/// </summary>
public sealed class KasaOutletException : KasaException
{
    public KasaOutletException(KasaEndpoint endpoint, string message, IReadOnlyList<OutletInfo> outlets)
        : base(endpoint, message)
    {
        Outlets = outlets;
    }

    /// <summary>The outlets the device reported (empty for a single plug).</summary>
    public IReadOnlyList<OutletInfo> Outlets { get; }
}
