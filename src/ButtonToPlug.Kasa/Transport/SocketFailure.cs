using System.Net.Sockets;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// Words for socket failures that tell a user what to check, rather than an error number. Only the error code is named,
/// never the exception's own message: .NET's resolver and HTTP stack write the host into theirs, lower-cased.
/// </summary>
internal static class SocketFailure
{
    public static string OfConnect(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => $"cannot resolve the host name ({e.SocketErrorCode}); check its spelling and that its DNS record exists",
        SocketError.ConnectionRefused => "connection refused: nothing listens on that port (check the port-forward and the plug's address)",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"no route to the host ({e.SocketErrorCode})",
        SocketError.TimedOut => "the connection attempt timed out",
        _ => $"cannot connect ({e.SocketErrorCode})",
    };

    public static string Of(IOException e) =>
        e.InnerException is SocketException s ? s.SocketErrorCode.ToString() : e.GetType().Name;

    public static string Seconds(TimeSpan span) => FormattableString.Invariant($"{span.TotalSeconds:0.###} s");
}
