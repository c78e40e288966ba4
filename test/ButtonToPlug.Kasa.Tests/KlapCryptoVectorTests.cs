using System.Text;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>The client's KLAP crypto against the independently computed vectors in <c>Vectors/klap.txt</c>.</summary>
public sealed class KlapCryptoVectorTests
{
    public static TheoryData<string> Vectors => KlapVectors.Names;

    [Fact]
    public void VectorFile_CoversBlankDefaultAndAccountCredentials_InBothVersions()
    {
        var vectors = KlapVectors.All;

        Assert.Equal(6, vectors.Count);
        Assert.Equal(3, vectors.Count(vector => vector.Version == 1));
        Assert.Contains(vectors, vector => vector.Username == "kasa@tp-link.net" && vector.Password == "kasaSetup");
        Assert.Contains(vectors, vector => vector.Username.Length == 0 && vector.Password.Length == 0);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void AuthHash_ForVectorCredentials_MatchesVector(string name)
    {
        var vector = KlapVectors.Get(name);

        var hash = KlapAuthHash.Compute((KlapVersion)vector.Version, new KasaCredentials(vector.Username, vector.Password));

        Assert.Equal(Convert.ToHexStringLower(vector.Bytes("auth_hash")), Convert.ToHexStringLower(hash));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void HandshakeProofs_ForVectorSeeds_MatchVector(string name)
    {
        var vector = KlapVectors.Get(name);
        var version = (KlapVersion)vector.Version;

        var server = KlapHandshakeHash.Server(version, vector.Bytes("local_seed"), vector.Bytes("remote_seed"), vector.Bytes("auth_hash"));
        var client = KlapHandshakeHash.Client(version, vector.Bytes("local_seed"), vector.Bytes("remote_seed"), vector.Bytes("auth_hash"));

        Assert.Equal(vector.Bytes("server_hash(hs1)"), server);
        Assert.Equal(vector.Bytes("handshake2 body"), client);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Session_FromVectorSeeds_DerivesVectorKeyIvSequenceAndSignatureKey(string name)
    {
        var vector = KlapVectors.Get(name);

        using var session = NewSession(vector);

        Assert.Equal(vector.Bytes("key"), session.Key);
        Assert.Equal(vector.Bytes("iv[0:12]"), session.IvPrefix.ToArray());
        Assert.Equal(vector.Integer("initial seq"), session.Sequence);
        Assert.Equal(vector.Bytes("sig[0:28]"), session.SignatureKey.ToArray());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Seal_FirstRequest_GivesVectorSequenceAndBody(string name)
    {
        var vector = KlapVectors.Get(name);
        using var session = NewSession(vector);

        var request = session.Seal(Encoding.UTF8.GetBytes(vector.FirstRequestPlaintext));

        Assert.Equal(vector.FirstRequestSequence, request.Sequence);
        Assert.Equal(vector.FirstRequestBody, Convert.ToHexStringLower(request.Body));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Open_VectorBodyWithItsSequence_GivesVectorPlaintext(string name)
    {
        // A reply is framed like a request (signature + ciphertext under the request's sequence), so the vector body opens too.
        var vector = KlapVectors.Get(name);
        using var session = NewSession(vector);

        var plaintext = session.Open(Convert.FromHexString(vector.FirstRequestBody), vector.FirstRequestSequence, out var signatureMatches);

        Assert.True(signatureMatches);
        Assert.Equal(vector.FirstRequestPlaintext, Encoding.UTF8.GetString(plaintext));
    }

    private static KlapSession NewSession(KlapVector vector) =>
        new(vector.Bytes("local_seed"), vector.Bytes("remote_seed"), vector.Bytes("auth_hash"));
}
