namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>The log envelope of the JIT build run as <c>dotnet ButtonToPlug.dll</c>.</summary>
public sealed class JitLogEnvelopeTests(JitFunctionFixture fixture) : LogEnvelopeEndToEndTests(fixture), IClassFixture<JitFunctionFixture>;
