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

    /// <summary>The well-known pair that Kasa plugs accept before (and, intermittently, after) they are bound to an account.</summary>
    public static KasaCredentials KasaDefault { get; } = new("kasa@tp-link.net", "kasaSetup");

    /// <summary>TP-Link's default pair for Tapo (SMART) devices, which always hash credentials the KLAP v2 way.</summary>
    public static KasaCredentials TapoDefault { get; } = new("test@tp-link.net", "test");

    /// <summary>
    /// The order the handshake tries: the user's account when given, the Kasa default, the Tapo default (v2 only: SMART devices
    /// always use it), then blank — each as KLAP v1 and v2, because the device's handshake1 proof tells the versions apart, so
    /// no extra round trip is needed to find the right one.
    /// Bound plugs are known to answer to the default pair now and then, so it is tried even when an account is given.
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
