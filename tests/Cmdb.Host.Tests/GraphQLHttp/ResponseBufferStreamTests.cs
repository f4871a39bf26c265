using Cmdb.Host.GraphQLHttp;
using Microsoft.AspNetCore.Http;

namespace Cmdb.Host.Tests.GraphQLHttp;

public sealed class ResponseBufferStreamTests
{
    [Fact]
    public async Task SmallBody_IsSentOnceWithItsLength()
    {
        var (context, sent) = Context();
        await using (var stream = new ResponseBufferStream(context.Response))
        {
            await stream.WriteAsync("{\"data\":"u8.ToArray());
            await stream.WriteAsync("null}"u8.ToArray());
            Assert.Equal(0, sent.Length);
            await stream.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(13, context.Response.ContentLength);
        Assert.Equal("{\"data\":null}", System.Text.Encoding.UTF8.GetString(sent.ToArray()));
    }

    [Fact]
    public async Task BodyOverTheThreshold_IsStreamedWithoutLength_AndArrivesWhole()
    {
        var (context, sent) = Context();
        var expected = new byte[ResponseBufferStream.Threshold * 3 + 17];
        Random.Shared.NextBytes(expected);
        await using (var stream = new ResponseBufferStream(context.Response))
        {
            for (var offset = 0; offset < expected.Length; offset += 5000)
                await stream.WriteAsync(expected.AsMemory(offset, Math.Min(5000, expected.Length - offset)));
            await stream.CompleteAsync(CancellationToken.None);
        }

        Assert.Null(context.Response.ContentLength);
        Assert.Equal(expected, sent.ToArray());
    }

    [Fact]
    public async Task EmptyBody_IsSentWithLengthZero()
    {
        var (context, sent) = Context();
        await using (var stream = new ResponseBufferStream(context.Response)) await stream.CompleteAsync(CancellationToken.None);

        Assert.Equal(0, context.Response.ContentLength);
        Assert.Equal(0, sent.Length);
    }

    private static (DefaultHttpContext Context, MemoryStream Sent) Context()
    {
        var sent = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.Body = sent;
        return (context, sent);
    }
}
