namespace Cmdb.Domain.Graph;

/// <summary>
/// The ends and types of the edges appended since an <see cref="Adjacency"/> was built (entry i is edge
/// <see cref="Adjacency.EdgeCount"/> + i): compacted edges read theirs from the compact rows instead, so only the
/// edges written since the last compaction cost per-edge end arrays.
/// </summary>
/// <remarks>
/// One writer that fills an entry before publishing the edge count that makes it visible, and grows the arrays by
/// publishing filled copies, so a lock-free reader that asks only for published edges finds them in whichever copy
/// it reads.
/// </remarks>
internal sealed class EdgeTail
{
    private int[] _source;
    private int[] _target;
    private ushort[] _type;

    public EdgeTail(int capacity)
    {
        _source = new int[capacity];
        _target = new int[capacity];
        _type = new ushort[capacity];
    }

    public int[] SourceArray => Volatile.Read(ref _source);

    public int[] TargetArray => Volatile.Read(ref _target);

    public ushort[] TypeArray => Volatile.Read(ref _type);

    /// <summary>Bytes of the arrays held (for diagnostics).</summary>
    public long Bytes => 10L * _source.Length;

    public int Source(int i) => Volatile.Read(ref _source)[i];

    public int Target(int i) => Volatile.Read(ref _target)[i];

    public ushort Type(int i) => Volatile.Read(ref _type)[i];

    /// <summary>Writer only: the entry <paramref name="i"/> (entries are set in order; the arrays grow as needed).</summary>
    public void Set(int i, int source, int target, ushort type)
    {
        if (i >= _source.Length) Grow(i + 1);
        _source[i] = source;
        _target[i] = target;
        _type[i] = type;
    }

    /// <summary>Writer only, while the tail is empty: takes the arrays as they are (a bulk load that could not be compacted).</summary>
    public void Adopt(int[] source, int[] target, ushort[] type)
    {
        Volatile.Write(ref _type, type);
        Volatile.Write(ref _target, target);
        Volatile.Write(ref _source, source);
    }

    private void Grow(int needed)
    {
        var length = _source.Length;
        var size = Math.Max(needed, length < (1 << 20) ? Math.Max(16, length * 2) : (int)Math.Min(Array.MaxLength, length + (length / 4L)));
        Volatile.Write(ref _source, Grown(_source, size));
        Volatile.Write(ref _target, Grown(_target, size));
        Volatile.Write(ref _type, Grown(_type, size));
    }

    private static T[] Grown<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}
