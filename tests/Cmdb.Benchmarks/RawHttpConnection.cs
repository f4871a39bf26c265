using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cmdb.Benchmarks;

/// <summary>
/// A minimal HTTP/1.1 keep-alive client for the GraphQL load generator (what wrk does): it sends the same pre-built
/// request again and again on one socket and reads each response (Content-Length or chunked) without decoding it, so
/// the client takes as little of the shared CPU as possible. Loopback only; not a general HTTP client.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private static readonly byte[] ErrorsKey = "\"errors\""u8.ToArray();

    private readonly Socket _socket;
    private readonly byte[] _request;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(Socket socket, byte[] request)
    {
        _socket = socket;
        _request = request;
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri uri, string jsonBody)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port));
        var body = Encoding.UTF8.GetBytes(jsonBody);
        var head = $"POST {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        return new RawHttpConnection(socket, [.. Encoding.ASCII.GetBytes(head), .. body]);
    }

    /// <summary>Sends the request and reads the whole response: true for a 200 whose body has no <c>"errors"</c>.</summary>
    public async Task<bool> SendAsync()
    {
        await _socket.SendAsync(_request, SocketFlags.None);
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf(HeaderEnd)) < 0) await FillAsync();
        var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd);
        _start += headerEnd + HeaderEnd.Length;
        var ok = head.StartsWith("HTTP/1.1 200", StringComparison.Ordinal);
        var length = HeaderValue(head, "Content-Length");
        if (length is not null) return await ReadBodyAsync(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)) && ok;

        var clean = true;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(_start, _end - _start).IndexOf(LineEnd)) < 0) await FillAsync();
            if (!Utf8Parser.TryParse(_buffer.AsSpan(_start, lineEnd), out int size, out _, 'x')) throw new InvalidDataException("bad chunk size");
            _start += lineEnd + LineEnd.Length;
            clean &= await ReadBodyAsync(size + LineEnd.Length);
            if (size == 0) return clean && ok;
        }
    }

    public void Dispose() => _socket.Dispose();

    private static string? HeaderValue(string head, string name)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > name.Length + 1 && line.StartsWith(name, StringComparison.OrdinalIgnoreCase) && line[name.Length] == ':')
                return line[(name.Length + 1)..].Trim();
        }

        return null;
    }

    private async Task<bool> ReadBodyAsync(int length)
    {
        while (_end - _start < length) await FillAsync(length);
        var clean = _buffer.AsSpan(_start, length).IndexOf(ErrorsKey) < 0;
        _start += length;
        return clean;
    }

    private async Task FillAsync(int wanted = 0)
    {
        if (_start == _end) _start = _end = 0;
        var needed = Math.Max(wanted, _end - _start + 1);
        if (_buffer.Length - _end < 1024 || _buffer.Length - _start < needed)
        {
            // Move the unread bytes to the front (memmove copes with the overlap), growing when a body needs more room.
            var target = _buffer.Length >= needed + 4096 ? _buffer : new byte[needed + 4096];
            _buffer.AsSpan(_start, _end - _start).CopyTo(target);
            (_buffer, _end, _start) = (target, _end - _start, 0);
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (read == 0) throw new IOException("the server closed the connection");
        _end += read;
    }
}
