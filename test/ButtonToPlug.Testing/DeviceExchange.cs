using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace ButtonToPlug.Testing;

/// <summary>What the emulated devices' web servers (<see cref="KlapDeviceEmulator"/>, <see cref="AesDeviceEmulator"/>) do alike with one exchange.</summary>
internal static class DeviceExchange
{
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>A stalled plug: holds the exchange until the client gives up and closes the connection.</summary>
    public static async Task WaitUntilClientGivesUpAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client timed out and closed the connection: exactly what a stalled plug waits for.
        }
    }

    /// <summary>
    /// Firmware that closes the connection after every answer: once the answer is complete, so no "Connection: close" header
    /// warns the client, and 1 to 20 ms late, as reported for real plugs; over the internet the FIN then arrives after the
    /// client may have picked the connection again. A graceful close (FIN), as the firmware does: a reset would also throw away
    /// an answer the client has not read yet on a loaded machine.
    /// </summary>
    public static async Task CloseSoonAfterTheAnswerAsync(HttpContext context)
    {
        await context.Response.CompleteAsync();
        var connection = context.Features.Get<IConnectionLifetimeNotificationFeature>();
        _ = Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 21))).ContinueWith(_ => connection?.RequestClose(), TaskScheduler.Default);
    }
}
