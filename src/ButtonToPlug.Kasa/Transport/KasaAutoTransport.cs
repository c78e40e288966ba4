using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// The <see cref="ProtocolSetting.Auto"/> transport. In <see cref="SettleAsync"/>, which the device layer awaits before it chooses
/// the dialect of its first request, it probes the port with all three transports at once — over XOR the device layer's first
/// request in IOT, a KLAP handshake, an AES handshake and login — keeps the one that answers, and sends every request on it alone;
/// its <see cref="Dialect"/> is then that transport's, so an XOR plug is spoken to in IOT and an AES plug in SMART at once.
/// A silent port is classified within one plug timeout, because the probes wait side by side. A transport remembered for
/// the endpoint is used without probing, unless its first exchange proves the plug has moved to another one before anything
/// could have been carried out.
/// </summary>
/// <remarks>
/// The KLAP and AES probes are handshakes, which carry nothing out. The XOR probe is the request the device layer would send
/// first once XOR had won (a toggle's read, an <c>on</c>'s switch): when XOR wins, its answer serves that request, which so
/// goes out once, as with <c>protocol=xor</c>; on a port that speaks KLAP, AES or anything else an XOR frame is carried out by
/// nothing (a web server answers it with an HTTP error), and the request goes on the winner. A port speaks one protocol, so the
/// request is never carried out by two. When no probe wins on a port that took the connections, the KLAP and AES probes have
/// met something that is not their protocol, and the failure is a protocol error, which no layer repeats: an XOR probe that
/// carried a switch and got no answer is not sent again. The caller's request goes out a second time in one case only: its
/// first exchange on a remembered transport failed in a way that proves it was not carried out (see
/// <see cref="NothingCarriedOut"/>), and then on the newly found transport. Any other failure passes through untouched:
/// whether a failed request runs again is <c>PlugRetryRule</c>'s decision alone.
/// </remarks>
internal sealed class KasaAutoTransport : IKasaTransport
{
    // XOR carries only the IOT dialect, so every XOR plug answers this read, and it switches nothing: the probe unless the device
    // layer's first request is a switch (a toggle starts with this read, as the IOT dialect writes it).
    private static readonly byte[] XorRead = """{"system":{"get_sysinfo":{}}}"""u8.ToArray();

    private readonly IReadOnlyList<ProtocolSetting> order;
    private readonly Func<ProtocolSetting, IKasaTransport> create;
    private readonly ProtocolMemory memory;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private IKasaTransport? settled;

    // The winning XOR probe and its answer, until the next request: the answer to that request when it is the probe's.
    private (byte[] Request, byte[] Answer)? xorProbe;

    // Settled from memory without probing: the first exchange on it may still prove that the plug has moved.
    private bool settledFromMemory;

    /// <param name="order">One remembered transport, or the transports to probe in the order they start.</param>
    public KasaAutoTransport(KasaEndpoint endpoint, IReadOnlyList<ProtocolSetting> order, Func<ProtocolSetting, IKasaTransport> create, ProtocolMemory memory)
    {
        Endpoint = endpoint;
        this.order = order;
        this.create = create;
        this.memory = memory;
    }

    public KasaEndpoint Endpoint { get; }

    /// <summary>The settled transport's dialect (XOR: IOT, AES: SMART, KLAP: either); null before <see cref="SettleAsync"/>.</summary>
    public KasaDialect? Dialect => this.settled?.Dialect;

    /// <summary>The transport requests go on, or null before it is settled.</summary>
    internal ProtocolSetting? Current { get; private set; }

    /// <summary>How many probes were started (0 when a remembered transport was used as it was).</summary>
    internal int Probes { get; private set; }

    /// <summary>Probes the port, or takes the remembered transport without a word on the network.</summary>
    public async Task SettleAsync(byte[]? firstIotSwitch, CancellationToken cancellationToken)
    {
        if (this.settled is not null)
        {
            return;
        }

        await this.oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await SettleAloneAsync(firstIotSwitch, cancellationToken);
        }
        finally
        {
            this.oneAtATime.Release();
        }
    }

    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        if (ProbeAnswerTo(requestUtf8) is { } probed)
        {
            return probed;
        }

        if (this.settled is null || this.settledFromMemory)
        {
            await this.oneAtATime.WaitAsync(cancellationToken);
            try
            {
                await SettleAloneAsync(null, cancellationToken);
                if (this.settledFromMemory)
                {
                    return await FirstSendOnRememberedAsync(requestUtf8, cancellationToken);
                }
            }
            finally
            {
                this.oneAtATime.Release();
            }
        }

        return await this.settled!.SendAsync(requestUtf8, cancellationToken);
    }

    /// <summary>
    /// A read goes out as the settled transport's read, so that transport's own resend rule for reads (KLAP's, on a plug that
    /// takes one request per session) still applies behind auto. Before the transport is settled, or while a remembered one is
    /// on its first exchange, it goes the way of any request.
    /// </summary>
    public Task<byte[]> ReadAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        if (ProbeAnswerTo(requestUtf8) is { } probed)
        {
            return Task.FromResult(probed);
        }

        return this.settled is { } transport && !this.settledFromMemory
            ? transport.ReadAsync(requestUtf8, cancellationToken)
            : SendAsync(requestUtf8, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (this.settled is not null)
        {
            await this.settled.DisposeAsync();
        }

        this.oneAtATime.Dispose();
    }

    /// <summary>The winning XOR probe's answer when <paramref name="request"/> is the probe; either way the probe is spent.</summary>
    private byte[]? ProbeAnswerTo(ReadOnlyMemory<byte> request)
    {
        var probe = this.xorProbe;
        this.xorProbe = null;
        return probe is { } spent && request.Span.SequenceEqual(spent.Request) ? spent.Answer : null;
    }

    /// <summary>Settles unless settled; the caller holds <see cref="oneAtATime"/>.</summary>
    /// <param name="firstIotSwitch">The device layer's first request in IOT when it switches, for the XOR probe; null: the probe reads.</param>
    private async Task SettleAloneAsync(byte[]? firstIotSwitch, CancellationToken cancellationToken)
    {
        if (this.settled is not null)
        {
            return;
        }

        if (this.order.Count == 1)
        {
            Settle(this.order[0], this.create(this.order[0]));
            this.settledFromMemory = true;
        }
        else
        {
            var xorProbe = firstIotSwitch ?? XorRead;
            var (protocol, transport, answer) = await ProbeAsync(this.order, xorProbe, cancellationToken);
            Settle(protocol, transport);
            this.xorProbe = answer is null ? null : (xorProbe, answer);
        }
    }

    /// <summary>The first request on a remembered transport; the caller holds <see cref="oneAtATime"/>.</summary>
    private async Task<byte[]> FirstSendOnRememberedAsync(ReadOnlyMemory<byte> requestUtf8, CancellationToken cancellationToken)
    {
        this.settledFromMemory = false;
        var remembered = this.settled!;
        try
        {
            return await remembered.SendAsync(requestUtf8, cancellationToken);
        }
        catch (KasaException failure)
        {
            // Whatever failed, the next click probes afresh rather than trusting a memory that may be stale.
            this.memory.Forget(Endpoint);
            if (!NothingCarriedOut(remembered, failure))
            {
                throw;
            }
        }

        // The plug answers another transport now (a firmware update, a new port-forward): find it once more. When that one
        // carries another dialect, the device layer learns it from the refusal of this request, which proves nothing ran.
        this.settled = null;
        await remembered.DisposeAsync();
        var (moved, movedTransport, _) = await ProbeAsync(Others(this.order[0]), XorRead, cancellationToken);
        Settle(moved, movedTransport);
        return await this.settled!.SendAsync(requestUtf8, cancellationToken);
    }

    private void Settle(ProtocolSetting protocol, IKasaTransport transport)
    {
        this.settled = transport;
        Current = protocol;
        this.memory.Remember(Endpoint, protocol);
    }

    /// <summary>Runs the probes side by side; the first that answers wins and the others are cancelled.</summary>
    /// <returns>The winner, and when it is XOR the answer to its probe.</returns>
    private async Task<(ProtocolSetting Protocol, IKasaTransport Transport, byte[]? XorAnswer)> ProbeAsync(
        IReadOnlyList<ProtocolSetting> protocols, byte[] xorProbe, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var transports = protocols.Select(this.create).ToArray();
        var probes = transports.Select(transport => OneProbeAsync(transport, xorProbe, stop.Token)).ToList();
        Probes += probes.Count;
        var failures = new KasaException?[probes.Count];
        int? winner = null;
        KasaException? final = null;
        Exception? unexpected = null;
        var pending = probes.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            var index = probes.IndexOf(done);
            var decided = winner is not null || final is not null || unexpected is not null;
            switch (done.Exception?.InnerException)
            {
                case null when done.IsCompletedSuccessfully && !decided:
                    winner = index;
                    await stop.CancelAsync();
                    break;
                case KasaException failure when !decided && IsFinal(failure):
                    final = failure;
                    await stop.CancelAsync();
                    break;
                case KasaException failure when !decided:
                    failures[index] = failure;
                    break;
                case null or KasaException or OperationCanceledException:
                    break;
                case { } other when !decided:
                    unexpected = other;
                    await stop.CancelAsync();
                    break;
            }
        }

        for (var i = 0; i < transports.Length; i++)
        {
            if (i != winner)
            {
                await transports[i].DisposeAsync();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (unexpected is not null)
        {
            ExceptionDispatchInfo.Throw(unexpected);
        }

        if (final is not null)
        {
            ExceptionDispatchInfo.Throw(final);
        }

        return winner is { } won ? (protocols[won], transports[won], await probes[won]) : throw Explain(protocols, failures);
    }

    /// <returns>The XOR probe's answer; null for the handshakes.</returns>
    private static async Task<byte[]?> OneProbeAsync(IKasaTransport transport, byte[] xorProbe, CancellationToken cancellationToken)
    {
        switch (transport)
        {
            case KlapTransport klap:
                await klap.OpenAsync(cancellationToken);
                return null;
            case AesTransport aes:
                // The handshake's RSA key pair takes milliseconds of CPU before anything is sent; the probes after this one
                // (XOR, on most ports) go out first rather than wait for it.
                await Task.Yield();
                await aes.OpenAsync(cancellationToken);
                return null;
            default:
                var answer = await transport.SendAsync(xorProbe, cancellationToken);
                try
                {
                    using var _ = JsonDocument.Parse(answer);
                }
                catch (JsonException exception)
                {
                    throw new KasaProtocolException(transport.Endpoint, "the port answered in XOR frames, but not with JSON", exception);
                }

                return answer;
        }
    }

    /// <summary>
    /// Failures that prove the port speaks that transport, so no other one is worth waiting for: refused credentials, or a
    /// device-level error on an AES login.
    /// </summary>
    private static bool IsFinal(KasaException failure) => failure is KasaAuthenticationException or KasaAccessDeniedException or KasaDeviceException;

    /// <summary>
    /// A first exchange on a remembered transport that failed before anything could have run: an XOR answer that is not a frame
    /// (a Kasa XOR plug always answers in frames, so this port is no longer one), or a KLAP or AES port that no longer handshakes.
    /// </summary>
    private static bool NothingCarriedOut(IKasaTransport transport, KasaException failure) => failure is KasaProtocolException && transport switch
    {
        KlapTransport klap => !klap.HasAuthenticated,
        AesTransport aes => !aes.HasLoggedIn,
        _ => true,
    };

    private static ProtocolSetting[] Others(ProtocolSetting tried) =>
        [.. new[] { ProtocolSetting.Klap, ProtocolSetting.Aes, ProtocolSetting.Xor }.Where(protocol => protocol != tried)];

    /// <summary>
    /// Every probe failed. When one of them got an answer that was not its protocol the port speaks none of them; when all were
    /// unreachable, the first in order (the one the port suggests) explains it best.
    /// </summary>
    private KasaException Explain(IReadOnlyList<ProtocolSetting> protocols, KasaException?[] failures)
    {
        if (!failures.Any(failure => failure is KasaProtocolException))
        {
            return failures.First(failure => failure is not null)!;
        }

        var each = protocols.Select((protocol, i) => $"{protocol.TransportName()}: {Detail(failures[i])}");
        return new KasaProtocolException(
            Endpoint, $"this port speaks none of {string.Join(", ", protocols.Select(protocol => protocol.TransportName()))}. {string.Join(" ", each)}",
            failures.First(failure => failure is KasaProtocolException));
    }

    private static string Detail(KasaException? failure)
    {
        if (failure is null)
        {
            return "not tried.";
        }

        var prefix = $"{failure.Endpoint}: ";
        var message = failure.Message.StartsWith(prefix, StringComparison.Ordinal) ? failure.Message[prefix.Length..] : failure.Message;
        return message.EndsWith('.') ? message : message + ".";
    }
}
