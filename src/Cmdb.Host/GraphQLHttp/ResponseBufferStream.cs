using System.Buffers;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>
/// Collects a response body in memory so a small response goes out with <c>Content-Length</c> in one write (headers and
/// body in one packet, no chunk framing, nothing left to send after it). Past <see cref="Threshold"/> bytes it gives up
/// buffering and streams the rest to the response, chunked, so a large result never sits whole in memory.
/// </summary>
internal sealed class ResponseBufferStream(HttpResponse response) : Stream
{
    public const int Threshold = 64 * 1024;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;
    private bool _streaming;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_streaming || _length + buffer.Length > Threshold) throw new InvalidOperationException("Write synchronously only while buffering; use WriteAsync.");
        Append(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_streaming && _length + buffer.Length <= Threshold)
        {
            Append(buffer.Span);
            return;
        }

        if (!_streaming)
        {
            _streaming = true;
            await response.Body.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
            Release();
        }

        await response.Body.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>Sends what is buffered with its length, or ends the streamed body.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_streaming) return;
        response.ContentLength = _length;
        await response.Body.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
    }

    public override void Flush()
    {
        // Buffered bytes go out in CompleteAsync; streamed ones are flushed by the response itself.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_buffer!.Length < _length + bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Release()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
