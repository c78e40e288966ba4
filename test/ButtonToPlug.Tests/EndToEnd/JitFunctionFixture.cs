namespace ButtonToPlug.Tests.EndToEnd;

public sealed class JitFunctionFixture() : FunctionFixture(FunctionBuild.Jit);
