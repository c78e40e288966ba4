using System.Text;
using ButtonToPlug.Testing;

namespace ButtonToPlug.Kasa.Tests;

/// <summary>The emulator's own device-side crypto against the same vectors, so the emulator is a trustworthy peer for the client.</summary>
public sealed class KlapDeviceCryptoVectorTests
{
    public static TheoryData<string> Vectors => KlapVectors.Names;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DeviceHashes_ForVectorSeeds_MatchVector(string name)
    {
        var vector = KlapVectors.Get(name);
        var localSeed = vector.Bytes("local_seed");
        var remoteSeed = vector.Bytes("remote_seed");

        var auth = KlapDeviceCrypto.AuthHash(vector.Version, vector.Username, vector.Password);

        Assert.Equal(vector.Bytes("auth_hash"), auth);
        Assert.Equal(vector.Bytes("server_hash(hs1)"), KlapDeviceCrypto.DeviceProof(vector.Version, localSeed, remoteSeed, auth));
        Assert.Equal(vector.Bytes("handshake2 body"), KlapDeviceCrypto.ClientProof(vector.Version, localSeed, remoteSeed, auth));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DeviceCipher_ForVectorSeeds_DerivesVectorKeysAndOpensAndSealsVectorBody(string name)
    {
        var vector = KlapVectors.Get(name);
        var cipher = new KlapDeviceCipher(vector.Bytes("local_seed"), vector.Bytes("remote_seed"), vector.Bytes("auth_hash"));
        var body = Convert.FromHexString(vector.FirstRequestBody);

        Assert.Equal(vector.Bytes("key"), cipher.Key);
        Assert.Equal(vector.Bytes("iv[0:12]"), cipher.IvPrefix);
        Assert.Equal(vector.Integer("initial seq"), cipher.InitialSequence);
        Assert.Equal(vector.Bytes("sig[0:28]"), cipher.SignatureKey);
        Assert.Equal(vector.FirstRequestPlaintext, Encoding.UTF8.GetString(cipher.OpenRequest(body, vector.FirstRequestSequence)!));
        Assert.Equal(body, cipher.SealReply(Encoding.UTF8.GetBytes(vector.FirstRequestPlaintext), vector.FirstRequestSequence));
    }
}
