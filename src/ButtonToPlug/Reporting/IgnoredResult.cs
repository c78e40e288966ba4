namespace ButtonToPlug.Reporting;

/// <summary>
/// The success result for an event that is deliberately not switched (an AWS IoT 1-Click health report, a duplicate delivery
/// of a click): <c>{"ignored": true, "reason": "...", "elapsedMs": 0}</c>. Succeeding keeps the sender from retrying it or
/// counting it as an error.
/// </summary>
internal sealed record IgnoredResult(bool Ignored, string Reason, long ElapsedMs);
