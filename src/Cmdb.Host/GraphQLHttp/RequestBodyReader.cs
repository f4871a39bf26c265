using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>Reads a request body whole, refusing with 413 as soon as it passes the limit.</summary>
internal static class RequestBodyReader
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        using var body = await ReadPooledAsync(context, limit, cancellationToken);
        return body.Memory.ToArray();
    }

    /// <summary>
    /// As <see cref="ReadAsync"/>, into a pooled buffer sized from <c>Content-Length</c> (the GraphQL endpoint reads a
    /// body on every request; a fresh 16 KB buffer each time was most of what it allocated). Dispose the result.
    /// </summary>
    public static async Task<PooledBody> ReadPooledAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit) throw GraphQLHttpProblem.TooLarge(limit);

        // Kestrel's own cap (30 MB by default) must not cut in before ours, nor stay above it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        // One byte more than announced, so the read that finds the end needs no larger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((context.Request.ContentLength ?? 4095) + 1, 256, 1 << 20));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length) buffer = Grow(buffer, length);
                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0) break;
                length += read;
                if (length > limit) throw GraphQLHttpProblem.TooLarge(limit);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw GraphQLHttpProblem.TooLarge(limit);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, length);
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
