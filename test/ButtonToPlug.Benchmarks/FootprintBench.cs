namespace ButtonToPlug.Benchmarks;

/// <summary>What the function occupies: the <c>bootstrap</c> file, the JIT publish folder, and the peak RSS of a cold click.</summary>
internal static class FootprintBench
{
    public static FootprintResults Measure(long aotPeakRss, long jitPeakRss)
    {
        var bootstrap = new FileInfo(PublishedBuilds.EntryPath(FunctionBuild.Aot)).Length;
        var jitFolder = Path.GetDirectoryName(PublishedBuilds.EntryPath(FunctionBuild.Jit))!;
        var jit = Directory.EnumerateFiles(jitFolder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
        return new FootprintResults(bootstrap, jit, aotPeakRss, jitPeakRss);
    }
}
