using System.Text;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class Statement
{
    // Text is bound as UTF-8 from a pinned buffer the statement owns (SQLITE_STATIC): a string bound as UTF-16 with
    // SQLITE_TRANSIENT made SQLite allocate and copy it, then allocate again to convert it to the file's UTF-8, for
    // every value of every row. The buffer is reused from the next execution on, when every parameter is bound again.
    private byte[] _text = GC.AllocateUninitializedArray<byte>(4096, pinned: true);
    private int _textUsed;
    private List<byte[]>? _outgrown; // earlier buffers that values of the current execution still point into

    /// <summary>Starts a new execution: the text bound for the previous one is no longer read.</summary>
    private void ReleaseText()
    {
        _textUsed = 0;
        _outgrown?.Clear();
    }

    private int BindText(int index, string text)
    {
        var at = Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, _text.AsSpan(at));
        return Bound(index, at, length);
    }

    private int BindText(int index, ReadOnlySpan<byte> utf8)
    {
        var at = Reserve(utf8.Length);
        utf8.CopyTo(_text.AsSpan(at));
        return Bound(index, at, utf8.Length);
    }

    private int Bound(int index, int at, int length)
    {
        _textUsed = at + length;
        // An empty value still needs a pointer that is not null (a null pointer binds NULL): Reserve leaves one byte.
        return NativeMethods.BindText(_handle, index, ref _text[at], length, NativeMethods.Static);
    }

    /// <summary>The offset of room for <paramref name="bytes"/> bytes (plus one) in the current buffer.</summary>
    private int Reserve(int bytes)
    {
        if (_textUsed + bytes < _text.Length) return _textUsed;
        // Values bound already point into the current buffer: keep it alive until the next execution.
        (_outgrown ??= []).Add(_text);
        _text = GC.AllocateUninitializedArray<byte>(Math.Max(_text.Length * 2, bytes + 1), pinned: true);
        _textUsed = 0;
        return 0;
    }
}
