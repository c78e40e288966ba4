namespace ButtonToPlug.Reporting;

/// <summary>
/// The success result for an event that is deliberately not a click (an AWS IoT 1-Click health report):
/// <c>{"ignored": true, "reason": "...", "elapsedMs": 0}</c>. Succeeding keeps 1-Click from retrying it or counting it as an error.
/// </summary>
internal sealed record IgnoredResult(bool Ignored, string Reason, long ElapsedMs);
