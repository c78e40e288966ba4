namespace ButtonToPlug.Kasa.Transport;

/// <summary>
/// A request body that notes when HTTP starts writing it. A device acts only on a complete body, so until then a failure
/// cannot have switched anything — which is what <see cref="KasaUnreachableException.RequestSent"/> must say truthfully.
/// </summary>
internal sealed class KlapRequestContent(byte[] body) : ByteArrayContent(body)
{
    public bool WritingStarted { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        WritingStarted = true;
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        WritingStarted = true;
        return base.SerializeToStreamAsync(stream, context);
    }

    protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        WritingStarted = true;
        base.SerializeToStream(stream, context, cancellationToken);
    }
}
