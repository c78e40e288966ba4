using System.Security.Cryptography;
using System.Text;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// One credential set and login version that <c>login_device</c> is tried with, with the words an error uses for the set
/// (never the password).
/// </summary>
/// <remarks>
/// Login version 1 sends <c>password: base64(password)</c>, version 2 <c>password2: base64(sha1hex(password))</c>; both send
/// <c>username: base64(sha1hex(e-mail))</c>. Nothing in the handshake tells which version a device wants, so both are tried.
/// </remarks>
internal sealed record AesLoginCandidate(string Label, int LoginVersion, string Username, string PasswordField, string Password)
{
    public const string AccountLabel = "your account credentials";
    public const string TapoDefaultLabel = "the TP-Link Tapo default credentials";
    public const string BlankLabel = "blank credentials";

    /// <summary>The well-known pair Tapo devices accept before (and, intermittently, after) they are bound to an account.</summary>
    public static KasaCredentials TapoDefault { get; } = new("test@tp-link.net", "test");

    /// <summary>
    /// The user's account, then the Tapo default, then blank; without an account blank comes first, as a device never bound
    /// to one expects (python-kasa's order). Each as login version 1, then 2.
    /// </summary>
    public static IReadOnlyList<AesLoginCandidate> InOrder(KasaCredentials? account)
    {
        List<(string Label, KasaCredentials Credentials)> sets = account is not null && account != KasaCredentials.Blank
            ? [(AccountLabel, account), (TapoDefaultLabel, TapoDefault), (BlankLabel, KasaCredentials.Blank)]
            : [(BlankLabel, KasaCredentials.Blank), (TapoDefaultLabel, TapoDefault)];
        return [.. sets.SelectMany(set => new[] { Create(set.Label, 1, set.Credentials), Create(set.Label, 2, set.Credentials) })];
    }

    // A record prints every member by default; the password must not reach a log through ToString.
    public override string ToString() => $"{Label} (login v{LoginVersion})";

    private static AesLoginCandidate Create(string label, int version, KasaCredentials credentials) => version == 1
        ? new(label, 1, Base64(Sha1Hex(credentials.Username)), "password", Base64(credentials.Password))
        : new(label, 2, Base64(Sha1Hex(credentials.Username)), "password2", Base64(Sha1Hex(credentials.Password)));

    // The login format fixes SHA-1; it is not our choice.
#pragma warning disable CA5350
    private static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
