using System.Buffers;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>A request body read into a buffer rented from the shared pool; disposing returns the buffer.</summary>
internal sealed class PooledBody(byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    public ReadOnlyMemory<byte> Memory => _buffer is { } b ? b.AsMemory(0, length) : throw new ObjectDisposedException(nameof(PooledBody));

    public void Dispose()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
