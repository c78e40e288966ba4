namespace ButtonToPlug.Kasa;

/// <summary>
/// The device answered a request of one dialect with the other dialect's refusal ("module not support" from an IOT device,
/// a bare <c>error_code</c> from a SMART one): it ran nothing, so the request may be resent in the other dialect.
/// Never leaves the library: the device layer resends, or turns it into a <see cref="KasaProtocolException"/>.
/// </summary>
internal sealed class KasaWrongDialectException : KasaException
{
    public KasaWrongDialectException(KasaEndpoint endpoint, KasaDialect sent, string answerLooked)
        : base(endpoint, $"a {(sent == KasaDialect.Iot ? "SMART" : "IOT")} device's refusal of an {sent.ToString().ToUpperInvariant()} request ({answerLooked})")
    {
        Sent = sent;
        AnswerLooked = answerLooked;
    }

    public KasaDialect Sent { get; }

    /// <summary>What the answer looked like, for the error when neither dialect fits.</summary>
    public string AnswerLooked { get; }
}
