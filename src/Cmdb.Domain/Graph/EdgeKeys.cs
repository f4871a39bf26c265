namespace Cmdb.Domain.Graph;

/// <summary>
/// The store's key of each edge, held as compactly as the keys allow: none at all while every key is its edge
/// number plus one fixed offset (a store numbers relationships in the order the index appends them, so this is the
/// usual case), 4 bytes per edge once they stop following that rule but still fit an int, 8 bytes otherwise.
/// </summary>
/// <remarks>
/// One writer that appends keys in edge order; lock-free readers. A reader only asks for an edge below a count it
/// read after the writer stored the key, and every switch to an array publishes the filled array before that count,
/// so whichever form the reader finds holds the edge's key.
/// </remarks>
internal sealed class EdgeKeys
{
    private long _offset;
    private int[]? _ints;
    private long[]? _longs;

    /// <summary>Bytes of key arrays held (0 while keys follow edge numbers).</summary>
    public long Bytes => Volatile.Read(ref _longs) is { } l ? 8L * l.Length : Volatile.Read(ref _ints) is { } i ? 4L * i.Length : 0;

    public long this[int edge]
    {
        get
        {
            if (Volatile.Read(ref _longs) is { } longs) return longs[edge];
            return Volatile.Read(ref _ints) is { } ints ? ints[edge] : edge + _offset;
        }
    }

    /// <summary>Writer: the key of edge <paramref name="edge"/>, the next one in order; <paramref name="capacity"/> is the edge arrays' length.</summary>
    public void Append(int edge, long key, int capacity)
    {
        if (_longs is { } longs)
        {
            longs[edge] = key;
            return;
        }

        if (_ints is { } ints)
        {
            if (key is >= int.MinValue and <= int.MaxValue)
            {
                ints[edge] = (int)key;
                return;
            }
        }
        else if (edge == 0)
        {
            _offset = key;
            return;
        }
        else if (key == edge + _offset)
        {
            return;
        }

        Materialise(edge, key, capacity);
    }

    /// <summary>Writer: keeps room for edges below <paramref name="capacity"/> when keys are held in an array.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (_longs is { } longs && longs.Length < capacity) Volatile.Write(ref _longs, Grown(longs, capacity));
        else if (_longs is null && _ints is { } ints && ints.Length < capacity) Volatile.Write(ref _ints, Grown(ints, capacity));
    }

    private void Materialise(int edge, long key, int capacity)
    {
        var fits = _ints is null && key is >= int.MinValue and <= int.MaxValue && Fits(_offset, edge); // else held as longs from here
        if (fits)
        {
            var ints = new int[capacity];
            for (var e = 0; e < edge; e++) ints[e] = (int)(e + _offset);
            ints[edge] = (int)key;
            Volatile.Write(ref _ints, ints);
            return;
        }

        var longs = new long[capacity];
        for (var e = 0; e < edge; e++) longs[e] = this[e];
        longs[edge] = key;
        Volatile.Write(ref _longs, longs);
    }

    /// <summary>True when keys offset .. offset + count - 1 all fit an int.</summary>
    private static bool Fits(long offset, int count) => offset >= int.MinValue && offset + count - 1 <= int.MaxValue;

    private static T[] Grown<T>(T[] array, int capacity)
    {
        var grown = new T[capacity];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}
