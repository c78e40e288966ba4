using System.Net.Sockets;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// Words for socket failures that tell a user what to check. They are ours and name the socket error code; the runtime's own
/// message is left out because it may repeat the host, which must not leak where the host is a secret.
/// </summary>
internal static class SocketFailure
{
    public static string OfConnect(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "cannot resolve the host name",
        SocketError.ConnectionRefused => "connection refused: nothing listens on that port (check the port-forward and the plug's address)",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"no route to the host ({e.SocketErrorCode})",
        SocketError.TimedOut => "the connection attempt timed out",
        _ => $"cannot connect ({e.SocketErrorCode})",
    };

    public static string Of(IOException e) =>
        e.InnerException is SocketException s ? s.SocketErrorCode.ToString() : "the stream broke";

    public static string Seconds(TimeSpan span) => FormattableString.Invariant($"{span.TotalSeconds:0.###} s");
}
