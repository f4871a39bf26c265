using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>Reads a request body whole, refusing with 413 as soon as it passes the limit.</summary>
internal static class RequestBodyReader
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit) throw GraphQLHttpProblem.TooLarge(limit);

        // Kestrel's own cap (30 MB by default) must not cut in before ours, nor stay above it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken);
                if (read == 0) break;
                buffer.Advance(read);
                if (buffer.WrittenCount > limit) throw GraphQLHttpProblem.TooLarge(limit);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw GraphQLHttpProblem.TooLarge(limit);
        }

        return buffer.WrittenMemory;
    }
}
