using System.Net;
using System.Net.Sockets;

namespace ButtonToPlug.Testing;

/// <summary>Ports on 127.0.0.1 that nothing listens on right now, for servers a test starts and for "nothing listening" cases.</summary>
public static class FreePort
{
    /// <summary>Asks the OS for an unused TCP port on loopback and releases it at once.</summary>
    /// <remarks>Another process may take it before the caller binds; the OS hands ports out round-robin, so that is rare.</remarks>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
