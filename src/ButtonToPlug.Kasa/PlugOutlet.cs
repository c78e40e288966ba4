using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ButtonToPlug.Kasa;

/// <summary>
/// One outlet of a power strip, as a user writes it in settings: a 0-based index (resolved to the full child id through
/// <c>get_sysinfo</c>) or the full child id itself.
/// </summary>
public sealed record PlugOutlet
{
    private const string Expected = "an outlet is a 0-based index (0, 1, 2, …) or a full child id (hex, the strip's deviceId followed by two digits)";

    private PlugOutlet(int? index, string? childId)
    {
        Index = index;
        ChildId = childId;
    }

    /// <summary>The 0-based slot; null when the outlet was given by id.</summary>
    public int? Index { get; }

    /// <summary>The full child id; null when the outlet was given by index.</summary>
    public string? ChildId { get; }

    public static PlugOutlet FromIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new PlugOutlet(index, null);
    }

    public static PlugOutlet FromChildId(string childId) =>
        TryParse(childId, out var outlet) && outlet.ChildId is not null
            ? outlet
            : throw new FormatException($"'{childId}' is not a child id; {Expected}");

    public static PlugOutlet Parse(string text) =>
        TryParse(text, out var outlet) ? outlet : throw new FormatException($"'{text}' is not an outlet; {Expected}");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PlugOutlet? outlet)
    {
        outlet = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        // A strip has a handful of outlets; a long run of digits can only be a (hex) child id.
        if (trimmed.Length <= 3 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            outlet = new PlugOutlet(index, null);
            return true;
        }

        if (!trimmed.ContainsAnyExcept(HexDigits))
        {
            outlet = new PlugOutlet(null, trimmed.ToString());
            return true;
        }

        return false;
    }

    /// <summary>Finds this outlet among those a strip reported in <paramref name="info"/>.</summary>
    /// <exception cref="KasaOutletException">The device is not a strip, or has no such outlet; the message lists the outlets it has.</exception>
    public OutletInfo ResolveIn(SysInfo info, KasaEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(endpoint);
        return OutletSelection.Resolve(endpoint, info, this);
    }

    public override string ToString() => Index?.ToString(CultureInfo.InvariantCulture) ?? ChildId ?? "";

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
