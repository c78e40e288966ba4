namespace ButtonToPlug.Kasa;

/// <summary>
/// The TP-Link (Kasa) account a KLAP plug is bound to: the e-mail address and password, both case-sensitive.
/// They never leave the process in the clear: KLAP sends only hashes derived from them.
/// </summary>
public sealed record KasaCredentials(string Username, string Password)
{
    /// <summary>The empty pair that a plug never bound to an account accepts.</summary>
    public static KasaCredentials Blank { get; } = new(string.Empty, string.Empty);

    // A record prints every member by default; the password must not reach a log through ToString.
    public override string ToString() => $"KasaCredentials {{ Username = {Username}, Password = *** }}";
}
