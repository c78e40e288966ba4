namespace ButtonToPlug.Tests.EndToEnd;

/// <summary>The two ways the function is published, both run by Lambda's <c>dotnet10</c> runtime.</summary>
public enum FunctionBuild
{
    /// <summary>Native AOT executable named <c>bootstrap</c> (Handler: bootstrap).</summary>
    Aot,

    /// <summary>Framework-dependent executable assembly run as <c>dotnet ButtonToPlug.dll</c> (Handler: ButtonToPlug).</summary>
    Jit,
}
