namespace ButtonToPlug.Tests.EndToEnd;

public sealed class AotFunctionFixture() : FunctionFixture(FunctionBuild.Aot);
