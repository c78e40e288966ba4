using ButtonToPlug.Testing.Latency;

namespace ButtonToPlug.Kasa.Tests.Latency;

public sealed class XorFrameCounterTests
{
    // Two frames: 3 payload bytes, then 2; every split of the same bytes must count two frames.
    private static readonly byte[] TwoFrames = Convert.FromHexString("00000003aabbcc00000002ddee");

    [Fact]
    public void Count_TwoFramesInOneChunk_CountsTwo()
    {
        Assert.Equal(2, new XorFrameCounter().Count(TwoFrames));
    }

    [Fact]
    public void Count_EverySplitOfTwoFrames_CountsTwo()
    {
        for (var split = 0; split <= TwoFrames.Length; split++)
        {
            var counter = new XorFrameCounter();

            var frames = counter.Count(TwoFrames.AsSpan(0, split)) + counter.Count(TwoFrames.AsSpan(split));

            Assert.Equal(2, frames);
        }
    }

    [Fact]
    public void Count_ByteByByte_CountsEachFrameOnce()
    {
        var counter = new XorFrameCounter();

        var frames = TwoFrames.Sum(b => counter.Count([b]));

        Assert.Equal(2, frames);
    }
}
