namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// One credential set and KLAP version a handshake checks the device's proof against, with the words an error uses for the
/// set (never the password).
/// </summary>
internal sealed record KlapAuthCandidate(string Label, KlapVersion Version, byte[] AuthHash)
{
    public const string AccountLabel = "your account credentials";
    public const string DefaultLabel = "the TP-Link default credentials";
    public const string BlankLabel = "blank credentials";

    /// <summary>TP-Link's hard-coded Kasa pair, which plugs bound to a cloud account intermittently accept in place of that account.</summary>
    public static KasaCredentials KasaDefault { get; } = new("kasa@tp-link.net", "kasaSetup");

    /// <summary>TP-Link's default pair for Tapo (SMART) devices, which always hash credentials the KLAP v2 way.</summary>
    public static KasaCredentials TapoDefault { get; } = new("test@tp-link.net", "test");

    /// <summary>
    /// The sets the handshake checks the device's proof against: the user's account when given, the Kasa default, the Tapo
    /// default (v2 only: SMART devices always use it), then blank — each as KLAP v1 and v2. All are checked locally against one
    /// handshake1 answer, so the order costs no round trip. A plug never bound to the cloud accepts blank credentials; a bound
    /// plug switches, intermittently, between its account and the Kasa default pair, so the default is tried even when an
    /// account is given.
    /// </summary>
    public static IReadOnlyList<KlapAuthCandidate> InOrder(KasaCredentials? account)
    {
        var sets = new List<(string Label, KasaCredentials Credentials, KlapVersion[] Versions)>(4);
        KlapVersion[] both = [KlapVersion.V2, KlapVersion.V1];
        if (account is not null && account != KasaCredentials.Blank)
        {
            sets.Add((AccountLabel, account, both));
        }

        sets.Add((DefaultLabel, KasaDefault, both));
        sets.Add((DefaultLabel, TapoDefault, [KlapVersion.V2]));
        sets.Add((BlankLabel, KasaCredentials.Blank, both));
        return [.. sets.SelectMany(set => set.Versions
            .Select(version => new KlapAuthCandidate(set.Label, version, KlapAuthHash.Compute(version, set.Credentials))))];
    }
}
