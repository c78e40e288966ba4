namespace ButtonToPlug.Benchmarks;

/// <summary>The two published builds of the function: Native AOT <c>bootstrap</c> and the JIT executable assembly.</summary>
internal enum FunctionBuild
{
    Aot,
    Jit,
}
