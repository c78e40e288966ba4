namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>The JIT build run as <c>dotnet ButtonToPlug.dll</c> (Handler: ButtonToPlug on dotnet10).</summary>
public sealed class JitAssemblyTests(JitFunctionFixture fixture) : FunctionEndToEndTests(fixture), IClassFixture<JitFunctionFixture>;
