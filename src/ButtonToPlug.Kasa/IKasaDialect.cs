namespace ButtonToPlug.Kasa;

/// <summary>
/// One command dialect bound to one transport: the few things the device layer needs, in that dialect's requests and answers.
/// A dialect never learns which transport carries it; the device layer never learns which dialect it speaks.
/// </summary>
/// <remarks>
/// An answer that is the other dialect's refusal of the request (proof the device ran nothing) is raised as
/// <see cref="KasaWrongDialectException"/>, so the device layer can resend in the other dialect.
/// </remarks>
internal interface IKasaDialect
{
    KasaDialect Kind { get; }

    /// <summary>The device, and for a strip every outlet in slot order.</summary>
    Task<SysInfo> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets an explicit state on the whole device or on one outlet (<paramref name="childId"/>), and with
    /// <paramref name="switchBackAfter"/> leaves the one countdown rule that switches back, replacing any earlier one.
    /// </summary>
    Task SwitchAsync(string? childId, bool on, TimeSpan? switchBackAfter, CancellationToken cancellationToken);

    /// <summary>True when the refusal says the strip has no outlet with the id sent: nothing was switched, the id is stale.</summary>
    bool IsUnknownChild(KasaDeviceException refusal);
}
