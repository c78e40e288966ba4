namespace ButtonToPlug.Benchmarks;

/// <summary>One codec benchmark at one payload size, from BenchmarkDotNet's median.</summary>
internal sealed record CodecResult(string Method, int PayloadBytes, double MedianNanoseconds, double BytesPerSecond, long? AllocatedBytesPerOperation);
