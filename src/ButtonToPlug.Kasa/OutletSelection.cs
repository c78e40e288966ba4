using System.Globalization;
using System.Text;

namespace ButtonToPlug.Kasa;

/// <summary>Matches an outlet setting against the outlets a device reports, or explains why it does not fit.</summary>
internal static class OutletSelection
{
    public static OutletInfo Resolve(KasaEndpoint endpoint, SysInfo info, PlugOutlet outlet)
    {
        if (!info.IsStrip)
        {
            throw new KasaOutletException(endpoint, $"outlet {outlet} was given, but this {Describe(info)} is not a power strip; leave the outlet unset", info.Children);
        }

        if (outlet.Index is { } index)
        {
            return index < info.Children.Count
                ? info.Children[index]
                : throw new KasaOutletException(endpoint, $"this {Describe(info)} has no outlet {index}; it has {List(info)}", info.Children);
        }

        foreach (var child in info.Children)
        {
            if (string.Equals(child.Id, outlet.ChildId, StringComparison.OrdinalIgnoreCase))
            {
                return child;
            }
        }

        throw new KasaOutletException(endpoint, $"this {Describe(info)} has no outlet with id {outlet.ChildId}; it has {List(info)}", info.Children);
    }

    private static string Describe(SysInfo info) => info.Alias.Length > 0 ? $"{info.Model} '{info.Alias}'" : info.Model;

    private static string List(SysInfo info)
    {
        var text = new StringBuilder();
        for (var i = 0; i < info.Children.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}{i} '{info.Children[i].Alias}' (id {info.Children[i].Id})");
        }

        return text.ToString();
    }
}
