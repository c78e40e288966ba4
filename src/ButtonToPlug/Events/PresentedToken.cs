using System.Text;

namespace ButtonToPlug.Events;

/// <summary>
/// The bearer token an HTTPS caller sent. It is a secret of the caller's: it is never shown, so <see cref="ToString"/>
/// (what a record, a debugger or a log call would print) says only that a token was there.
/// </summary>
internal sealed class PresentedToken(string token)
{
    public byte[] Utf8() => Encoding.UTF8.GetBytes(token);

    public override string ToString() => "(token)";
}
