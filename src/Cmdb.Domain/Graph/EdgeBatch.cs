namespace Cmdb.Domain.Graph;

/// <summary>
/// Relationships with known intervals for <see cref="GraphIndex.LoadEdges"/>, as parallel arrays the index may keep:
/// a loader either appends rows (<see cref="Add"/>) or, from several threads, writes disjoint positions
/// (<see cref="Set"/>), closes gaps (<see cref="Move"/>) and then fixes the count (<see cref="SetCount"/>).
/// </summary>
/// <remarks>
/// Keys take 4 bytes each while they fit an int. <see cref="Add"/> widens them to 8 bytes when one does not;
/// <see cref="Set"/> cannot (other threads may be writing), so a loader whose keys may not fit asks for
/// <c>wideKeys</c> up front.
/// </remarks>
public sealed class EdgeBatch
{
    private int[]? _intKeys;
    private long[]? _longKeys;

    public EdgeBatch(int capacity = 1024, bool wideKeys = false)
    {
        capacity = Math.Max(capacity, 16);
        if (wideKeys) _longKeys = new long[capacity];
        else _intKeys = new int[capacity];
        Source = new int[capacity];
        Target = new int[capacity];
        Type = new ushort[capacity];
        ValidFrom = new int[capacity];
        ValidTo = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Rows the arrays hold room for.</summary>
    public int Capacity => Source.Length;

    public int[] Source { get; private set; }

    public int[] Target { get; private set; }

    public ushort[] Type { get; private set; }

    public int[] ValidFrom { get; private set; }

    /// <summary><see cref="int.MaxValue"/> while the relationship is open.</summary>
    public int[] ValidTo { get; private set; }

    internal bool HasOneLength =>
        Target.Length == Source.Length && Type.Length == Source.Length && ValidFrom.Length == Source.Length && ValidTo.Length == Source.Length;

    /// <summary>The key of row <paramref name="i"/>.</summary>
    public long Key(int i) => _longKeys is { } longs ? longs[i] : _intKeys![i];

    /// <summary>Appends the relationship <paramref name="key"/>, alive in [<paramref name="validFrom"/>, <paramref name="validTo"/>) (null: still open).</summary>
    public void Add(long key, int source, int target, int typeIndex, int validFrom, int? validTo)
    {
        var i = Count;
        if (i == Source.Length) Grow();
        if (_longKeys is null && key is < int.MinValue or > int.MaxValue) Widen();
        Set(i, key, source, target, typeIndex, validFrom, validTo);
        Count = i + 1;
    }

    /// <summary>
    /// Writes row <paramref name="i"/> (below <see cref="Capacity"/>) without changing <see cref="Count"/>; threads may
    /// write disjoint rows at once.
    /// </summary>
    public void Set(int i, long key, int source, int target, int typeIndex, int validFrom, int? validTo)
    {
        if (_longKeys is { } longs) longs[i] = key;
        else _intKeys![i] = key is >= int.MinValue and <= int.MaxValue
            ? (int)key
            : throw new ArgumentOutOfRangeException(nameof(key), $"Key {key} does not fit 32 bits: create the batch with wideKeys.");
        Source[i] = source;
        Target[i] = target;
        Type[i] = checked((ushort)typeIndex);
        ValidFrom[i] = validFrom;
        ValidTo[i] = validTo ?? int.MaxValue;
    }

    /// <summary>Copies <paramref name="length"/> rows from <paramref name="from"/> to <paramref name="to"/> (ranges may overlap).</summary>
    public void Move(int from, int to, int length)
    {
        if (from == to || length == 0) return;
        if (_longKeys is { } longs) Array.Copy(longs, from, longs, to, length);
        else Array.Copy(_intKeys!, from, _intKeys!, to, length);
        Array.Copy(Source, from, Source, to, length);
        Array.Copy(Target, from, Target, to, length);
        Array.Copy(Type, from, Type, to, length);
        Array.Copy(ValidFrom, from, ValidFrom, to, length);
        Array.Copy(ValidTo, from, ValidTo, to, length);
    }

    /// <summary>Declares rows 0..<paramref name="count"/>-1 written (after <see cref="Set"/> and <see cref="Move"/>).</summary>
    public void SetCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Capacity);
        Count = count;
    }

    private void Widen()
    {
        var longs = new long[Source.Length];
        for (var i = 0; i < Count; i++) longs[i] = _intKeys![i];
        _longKeys = longs;
        _intKeys = null;
    }

    private void Grow()
    {
        var size = Source.Length * 2;
        if (_longKeys is not null) _longKeys = Resized(_longKeys, size);
        else _intKeys = Resized(_intKeys!, size);
        Source = Resized(Source, size);
        Target = Resized(Target, size);
        Type = Resized(Type, size);
        ValidFrom = Resized(ValidFrom, size);
        ValidTo = Resized(ValidTo, size);
    }

    private static T[] Resized<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
