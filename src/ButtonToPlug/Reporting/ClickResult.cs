namespace ButtonToPlug.Reporting;

/// <summary>
/// The success result of CONTRACTS.md section 4. <see cref="ClickType"/> is null for a direct command; <see cref="Before"/>
/// is null when the plug did not report its state; <see cref="CountdownSeconds"/> is set for <c>on:&lt;duration&gt;</c>.
/// <see cref="Host"/> and <see cref="Port"/> are masked (the host as <c>(SecureString)</c>, the port as null) when they are SecureString parameters.
/// </summary>
internal sealed record ClickResult(
    string? ClickType,
    string Action,
    string Host,
    int? Port,
    string? Outlet,
    string? Before,
    string After,
    int? CountdownSeconds,
    long ElapsedMs);
