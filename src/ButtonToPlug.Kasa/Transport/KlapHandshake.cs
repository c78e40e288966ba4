using System.Security.Cryptography;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The two KLAP handshake steps. handshake1 sends a random local seed; the device answers with its own seed and a proof of
/// the auth hash it holds. We check that proof against each credential candidate locally, then prove ours in handshake2.
/// </summary>
internal static class KlapHandshake
{
    private const int SeedLength = 16;
    private const int ProofLength = 32;

    public static async Task<KlapEstablishedSession> PerformAsync(
        KlapHttpChannel channel, IReadOnlyList<KlapAuthCandidate> candidates, CancellationToken cancellationToken)
    {
        var endpoint = channel.Endpoint;
        var localSeed = RandomNumberGenerator.GetBytes(SeedLength);
        var first = await channel.PostAsync("handshake1", localSeed, cookie: null, carriesCommand: false, cancellationToken);
        if (first.Status == 403)
        {
            throw new KasaAccessDeniedException(
                endpoint, "the plug refused to start a KLAP session (HTTP 403 on handshake1) before any credentials were compared. "
                + "Turn on \"Third-Party Compatibility\" in the Kasa or Tapo app (Me → Settings → Third-Party Services) and try again; "
                + "if it is on, the plug's firmware may have moved to TPAP, which is not supported, or the plug refuses clients for a while after too many attempts");
        }

        if (first.Status != 200)
        {
            throw NotKlap(endpoint, $"POST /app/handshake1 answered HTTP {first.Status}{(first.IsHtml ? " with an HTML page" : "")}");
        }

        if (first.Body.Length != SeedLength + ProofLength)
        {
            throw NotKlap(endpoint, $"POST /app/handshake1 answered {first.Body.Length} bytes{(first.IsHtml ? " of HTML" : "")}, not a 16-byte seed and a 32-byte hash");
        }

        var remoteSeed = first.Body.AsSpan(0, SeedLength).ToArray();
        var deviceProof = first.Body[SeedLength..];
        var accepted = candidates.FirstOrDefault(candidate => CryptographicOperations.FixedTimeEquals(
                KlapHandshakeHash.Server(candidate.Version, localSeed, remoteSeed, candidate.AuthHash), deviceProof))
            ?? throw Rejected(endpoint, candidates);

        var cookie = KlapCookie.Parse(first.SetCookies);
        var ourProof = KlapHandshakeHash.Client(accepted.Version, localSeed, remoteSeed, accepted.AuthHash);
        var second = await channel.PostAsync("handshake2", ourProof, cookie.RequestHeader, carriesCommand: false, cancellationToken);
        if (second.Status != 200)
        {
            // The device's own proof matched, so this is not a wrong password; it is a device that changed its mind or lost the cookie.
            throw new KasaProtocolException(
                endpoint, $"the plug refused handshake2 with HTTP {second.Status} although its handshake1 proof matched {accepted.Label}");
        }

        return new KlapEstablishedSession(new KlapSession(localSeed, remoteSeed, accepted.AuthHash), cookie, accepted);
    }

    private static KasaProtocolException NotKlap(KasaEndpoint endpoint, string what) =>
        new(endpoint, $"this port does not speak KLAP: {what}. Check that the port-forward leads to the plug's port 80; "
            + "plugs on older firmware speak the XOR protocol on port 9999 instead.");

    private static KasaAuthenticationException Rejected(KasaEndpoint endpoint, IReadOnlyList<KlapAuthCandidate> candidates)
    {
        var labels = candidates.Select(candidate => candidate.Label).Distinct().ToArray();
        var tried = labels.Length == 1 ? labels[0] : $"{string.Join(", ", labels[..^1])} or {labels[^1]}";
        var advice = labels.Contains(KlapAuthCandidate.AccountLabel)
            ? "check the TP-Link account e-mail and password the plug is bound to (both case-sensitive); if they are right, the plug may "
              + "still hold an old secret after a password change or firmware update: remove it from the Kasa/Tapo app and add it again"
            : "the plug is bound to a TP-Link account: give that account's e-mail and password";
        return new KasaAuthenticationException(endpoint, $"the plug accepted none of {tried} (KLAP v1 and v2 checked); {advice}");
    }
}
