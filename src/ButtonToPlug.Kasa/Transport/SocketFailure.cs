using System.Net.Sockets;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>Words for socket failures that tell a user what to check, rather than an error number.</summary>
internal static class SocketFailure
{
    public static string OfConnect(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => $"cannot resolve the host name ({e.Message})",
        SocketError.ConnectionRefused => "connection refused: nothing listens on that port (check the port-forward and the plug's address)",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"no route to the host ({e.Message})",
        SocketError.TimedOut => "the connection attempt timed out",
        _ => $"cannot connect ({e.SocketErrorCode}: {e.Message})",
    };

    public static string Of(IOException e) =>
        e.InnerException is SocketException s ? $"{s.SocketErrorCode}: {s.Message}" : e.Message;

    public static string Seconds(TimeSpan span) => FormattableString.Invariant($"{span.TotalSeconds:0.###} s");
}
