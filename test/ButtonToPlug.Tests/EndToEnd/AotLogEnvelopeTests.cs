namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>The log envelope of the Native AOT <c>bootstrap</c>.</summary>
public sealed class AotLogEnvelopeTests(AotFunctionFixture fixture) : LogEnvelopeEndToEndTests(fixture), IClassFixture<AotFunctionFixture>;
