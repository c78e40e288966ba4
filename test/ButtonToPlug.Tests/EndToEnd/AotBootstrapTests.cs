namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>The Native AOT <c>bootstrap</c> (Handler: bootstrap on dotnet10; also provided.al2023).</summary>
public sealed class AotBootstrapTests(AotFunctionFixture fixture) : FunctionEndToEndTests(fixture), IClassFixture<AotFunctionFixture>;
