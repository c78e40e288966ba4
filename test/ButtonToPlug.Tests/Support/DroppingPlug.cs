using System.Net;
using System.Net.Sockets;

namespace ButtonToPlug.Tests.Support;

/// <summary>
/// A "plug" on loopback that accepts every connection and closes it without answering, like a plug that is rebooting
/// or a port-forward onto a device that is going down. It counts connections, which shows whether a command was resent.
/// </summary>
public sealed class DroppingPlug : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private int connections;

    public DroppingPlug()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public void Dispose() => listener.Stop();

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            socket.Dispose();
        }
    }
}
