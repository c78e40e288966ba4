using System.Text;
using ButtonToPlug.Testing.Latency;

namespace ButtonToPlug.Kasa.Tests.Latency;

public sealed class HttpRequestCounterTests
{
    // The body of the first request holds a blank line and a request line: it must be skipped by its length, not parsed.
    private static readonly byte[] TwoRequests = Encoding.ASCII.GetBytes(
        "POST / HTTP/1.1\r\nHost: ssm\r\ncontent-length: 26\r\n\r\n\r\n\r\nGET /fake HTTP/1.1\r\n\r\n"
        + "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n");

    [Fact]
    public void Count_TwoRequestsWithABodyThatLooksLikeARequest_CountsTwo()
    {
        Assert.Equal(2, new HttpRequestCounter().Count(TwoRequests));
    }

    [Fact]
    public void Count_EverySplitOfTwoRequests_CountsTwo()
    {
        for (var split = 0; split <= TwoRequests.Length; split++)
        {
            var counter = new HttpRequestCounter();

            var requests = counter.Count(TwoRequests.AsSpan(0, split)) + counter.Count(TwoRequests.AsSpan(split));

            Assert.Equal(2, requests);
        }
    }
}
