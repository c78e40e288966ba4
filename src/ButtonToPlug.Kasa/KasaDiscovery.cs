using System.Net;
using System.Net.Sockets;
using ButtonToPlug.Kasa.Iot;
using ButtonToPlug.Kasa.Transport;

namespace ButtonToPlug.Kasa;

/// <summary>
/// Finds plugs on the local network: get_sysinfo, XOR-encrypted without the TCP length prefix, sent as one UDP datagram
/// to port 9999 (broadcast by default); every device that understands it answers the same way.
/// </summary>
public static class KasaDiscovery
{
    /// <summary>Where discovery asks by default: every host on the local network, port 9999.</summary>
    /// <remarks>A new instance on every read: <see cref="IPEndPoint"/> is mutable, and a shared one could be changed under every caller.</remarks>
    public static IPEndPoint Broadcast => new(IPAddress.Broadcast, KasaEndpoint.LegacyPort);

    // UDP may drop a datagram; plugs answer every copy and the answers are merged per address.
    private const int Copies = 3;

    /// <summary>Broadcasts to every host on the local network (255.255.255.255:9999) and collects answers for <paramref name="window"/>.</summary>
    public static Task<IReadOnlyList<DiscoveredPlug>> DiscoverAsync(TimeSpan window, CancellationToken cancellationToken) =>
        DiscoverAsync(Broadcast, window, cancellationToken);

    /// <summary>Asks <paramref name="target"/> and collects answers until <paramref name="window"/> has passed.</summary>
    /// <returns>One entry per answering address, in order of arrival. Answers that are not Kasa answers are skipped.</returns>
    public static async Task<IReadOnlyList<DiscoveredPlug>> DiscoverAsync(IPEndPoint target, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var request = new IotRequest().Add(IotMethod.GetSysInfo);
        var datagram = request.ToUtf8();
        XorCipher.EncryptInPlace(datagram);

        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true };
        var asked = new KasaEndpoint(target.Address.ToString(), target.Port);
        try
        {
            socket.Bind(new IPEndPoint(target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            for (var i = 0; i < Copies; i++)
            {
                await socket.SendToAsync(datagram, SocketFlags.None, target, cancellationToken);
            }
        }
        catch (SocketException e)
        {
            throw new KasaUnreachableException(asked, $"cannot send the discovery datagram ({e.SocketErrorCode})", requestSent: false, e);
        }

        return await CollectAsync(socket, request, window, cancellationToken);
    }

    private static async Task<IReadOnlyList<DiscoveredPlug>> CollectAsync(Socket socket, IotRequest request, TimeSpan window, CancellationToken cancellationToken)
    {
        var found = new List<DiscoveredPlug>();
        var buffer = new byte[64 * 1024];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(window);
        var anyone = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, anyone, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return found;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // An ICMP "port unreachable" from a host without a plug surfaces here as a reset; keep listening.
                continue;
            }
            catch (SocketException)
            {
                // Any other receive failure will not heal within the window; report what has answered so far.
                return found;
            }

            var from = (IPEndPoint)received.RemoteEndPoint;
            var endpoint = new KasaEndpoint(from.Address.ToString(), from.Port);
            if (found.Exists(p => p.Endpoint == endpoint) || Read(endpoint, buffer.AsSpan(0, received.ReceivedBytes), request) is not { } info)
            {
                continue;
            }

            found.Add(new DiscoveredPlug(endpoint, info));
        }
    }

    private static SysInfo? Read(KasaEndpoint endpoint, ReadOnlySpan<byte> datagram, IotRequest request)
    {
        var plain = datagram.ToArray();
        XorCipher.DecryptInPlace(plain);
        try
        {
            using var answer = IotAnswer.Parse(endpoint, plain);
            return SysInfoReader.Read(endpoint, answer.Result(request.Methods[0]));
        }
        catch (KasaException)
        {
            // Port 9999 is not reserved for plugs; whatever else answers there is not ours to report.
            return null;
        }
    }
}
