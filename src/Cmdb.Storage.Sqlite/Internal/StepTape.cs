using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Statement executions written down as typed values, run later in order (<see cref="RunAll"/>): the unit the write
/// pipeline hands to its statement thread, and, one row at a time, the way an unpipelined batch runs its statements.
/// </summary>
/// <remarks>
/// Numbers are kept as numbers and text as UTF-8 in pinned slabs the tape owns and reuses, so a row costs no heap
/// objects: an <c>object?[]</c> per row with boxed numbers and a copy per text value were about a third of a bulk
/// import's allocations, and every garbage collection stops the statement thread. Text is encoded here, on the batch's
/// thread, which waits for the statement thread in a bulk import; the statement thread binds the slab memory as it is
/// (<c>SQLITE_STATIC</c>: slabs never move, and every execution binds all its parameters again).
/// A row is <see cref="Begin"/>, one value per parameter in the statement's order, then <see cref="End"/>.
/// </remarks>
internal sealed class StepTape
{
    private const int SlabBytes = 64 * 1024;
    private Statement[] _statements = new Statement[256];
    private int[] _firstValue = new int[257];
    private Value[] _values = new Value[2048];
    private readonly List<Slab> _slabs = [];
    private int _steps;
    private int _valueCount;
    private int _slab; // index of the slab being filled
    private int _used; // bytes used in it
    private int _textFrom = -1; // start (in the current slab) of the text value being built, or -1

    /// <summary>Rows written and not yet run.</summary>
    public int Steps => _steps;

    public StepTape Begin(Statement statement)
    {
        if (_steps == _statements.Length)
        {
            Array.Resize(ref _statements, _steps * 2);
            Array.Resize(ref _firstValue, _steps * 2 + 1);
        }

        _statements[_steps] = statement;
        _firstValue[_steps] = _valueCount;
        return this;
    }

    /// <summary>Completes the row begun last; its values must be one per parameter of its statement.</summary>
    public void End()
    {
        var statement = _statements[_steps];
        if (_valueCount - _firstValue[_steps] != statement.ParameterCount)
        {
            throw new InvalidOperationException(
                $"A row of {statement.ParameterCount} parameters was given {_valueCount - _firstValue[_steps]} values.");
        }

        _firstValue[++_steps] = _valueCount;
    }

    public StepTape Null() => Add(new Value(0, 0, Kind.Null));

    public StepTape Int(long value) => Add(new Value(value, 0, Kind.Integer));

    public StepTape Int(long? value) => value is { } v ? Int(v) : Null();

    /// <summary>Text, or NULL for null.</summary>
    public StepTape Text(string? text)
    {
        if (text is null) return Null();
        StartText();
        AppendText(text);
        return EndText();
    }

    /// <summary>UTF-8 text, copied now: the caller may reuse its buffer.</summary>
    public StepTape Utf8(ReadOnlySpan<byte> utf8)
    {
        StartText();
        AppendUtf8(utf8);
        return EndText();
    }

    /// <summary>Starts a text value made of parts (<see cref="AppendText"/>, <see cref="AppendByte"/>), ended by <see cref="EndText"/>.</summary>
    public void StartText()
    {
        if (_slabs.Count == 0) NextSlab(0);
        _textFrom = _used;
    }

    public void AppendText(string part)
    {
        if (part.Length == 0) return;
        Room(Encoding.UTF8.GetMaxByteCount(part.Length));
        _used += Encoding.UTF8.GetBytes(part, _slabs[_slab].Bytes.AsSpan(_used));
    }

    public void AppendUtf8(ReadOnlySpan<byte> part)
    {
        Room(part.Length);
        part.CopyTo(_slabs[_slab].Bytes.AsSpan(_used));
        _used += part.Length;
    }

    public void AppendByte(byte b)
    {
        Room(1);
        _slabs[_slab].Bytes[_used++] = b;
    }

    public StepTape EndText()
    {
        var slab = _slabs[_slab];
        var value = new Value(slab.Address + _textFrom, _used - _textFrom, Kind.Text);
        _textFrom = -1;
        return Add(value);
    }

    /// <summary>A row's values given as objects (the statements written rarely): numbers, text, UTF-8 memory, null.</summary>
    public StepTape Values(object?[] values)
    {
        foreach (var value in values)
        {
            _ = value switch
            {
                null or DBNull => Null(),
                string s => Text(s),
                long l => Int(l),
                int n => Int(n),
                ReadOnlyMemory<byte> utf8 => Utf8(utf8.Span),
                var other => Text(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
            };
        }

        return this;
    }

    /// <summary>Runs every complete row in order on the writer connection, then forgets them (the slabs are kept for reuse).</summary>
    public void RunAll(SqliteTransaction tx)
    {
        try
        {
            for (var i = 0; i < _steps; i++)
            {
                var first = _firstValue[i];
                _statements[i].Run(tx, _values.AsSpan(first, _firstValue[i + 1] - first));
            }
        }
        finally
        {
            Clear();
        }
    }

    /// <summary>Forgets every row (run or not); the slabs are kept for reuse.</summary>
    public void Clear()
    {
        Array.Clear(_statements, 0, _steps);
        _steps = 0;
        _valueCount = 0;
        _firstValue[0] = 0;
        _slab = 0;
        _used = 0;
        _textFrom = -1;
    }

    private StepTape Add(Value value)
    {
        if (_valueCount == _values.Length) Array.Resize(ref _values, _valueCount * 2);
        _values[_valueCount++] = value;
        return this;
    }

    /// <summary>Makes room for <paramref name="bytes"/> more bytes (plus one) after the text being built, moving it to the next slab if needed.</summary>
    private void Room(int bytes)
    {
        if (_used + bytes < _slabs[_slab].Bytes.Length) return;
        var partial = _slabs[_slab].Bytes.AsSpan(_textFrom, _used - _textFrom);
        NextSlab(partial.Length + bytes + 1);
        partial.CopyTo(_slabs[_slab].Bytes);
        _textFrom = 0;
        _used = partial.Length;
    }

    /// <summary>Moves on to a slab with at least <paramref name="bytes"/> bytes, reusing the next kept one when it is large enough.</summary>
    private void NextSlab(int bytes)
    {
        var next = _slabs.Count == 0 ? 0 : _slab + 1;
        while (next < _slabs.Count && _slabs[next].Bytes.Length < bytes) _slabs.RemoveAt(next); // too small for this value
        if (next == _slabs.Count) _slabs.Insert(next, Slab.Create(Math.Max(SlabBytes, bytes)));
        _slab = next;
        _used = 0;
    }

    internal enum Kind : byte
    {
        Null,
        Integer,
        Text,
    }

    /// <summary>One bound value: an integer, or the address and length of UTF-8 text in a pinned slab.</summary>
    internal readonly record struct Value(long Number, int Length, Kind Kind);

    private readonly record struct Slab(byte[] Bytes, long Address)
    {
        public static Slab Create(int bytes)
        {
            var array = GC.AllocateUninitializedArray<byte>(bytes, pinned: true); // never moves: SQLite reads it in place
            return new Slab(array, Marshal.UnsafeAddrOfPinnedArrayElement(array, 0));
        }
    }
}
