using ButtonToPlug.Kasa;

namespace ButtonToPlug.Dedupe;

/// <summary>
/// Decides whether a failed click certainly left the plug as it was, so that its claimed key is released and a duplicate
/// delivery of the same click may still switch (CONTRACTS.md section 7: a delivery whose first attempt failed before switching
/// is not ignored).
/// </summary>
/// <remarks>
/// "Nothing was switched" means, and only means:
/// <list type="bullet">
/// <item><see cref="ErrorTypes.ConfigurationError"/>: the outlet does not exist on the plug, or the plug refused the KLAP
/// credentials. Either way the plug never received a switch command.</item>
/// <item><see cref="ErrorTypes.PlugUnreachable"/> whose last attempt failed before any byte of the request left
/// (<see cref="FunctionException.NothingSent"/>, from <see cref="KasaUnreachableException.RequestSent"/> false: the name did
/// not resolve, the connect was refused or never completed). An earlier attempt that did send would have stopped the retry, so the last attempt speaks for all.</item>
/// </list>
/// Everything else keeps the key, and a duplicate is ignored: a request that went out and got no answer, the invocation's
/// deadline (the plug may have acted), <see cref="ErrorTypes.PlugError"/> (a countdown is three methods of which some may
/// have run), <see cref="ErrorTypes.ProtocolError"/> and <see cref="ErrorTypes.InternalError"/>. A doubled toggle undoes
/// the click; a lost duplicate of a failed click is already in the failed-click queue.
/// </remarks>
internal static class ReleaseRule
{
    public static bool NothingSwitched(FunctionException failure) =>
        failure.ErrorType == ErrorTypes.ConfigurationError
        || (failure.ErrorType == ErrorTypes.PlugUnreachable && failure.NothingSent);
}
