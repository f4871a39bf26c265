namespace Cmdb.Domain.Graph;

/// <summary>
/// Relationships with known intervals for <see cref="GraphIndex.LoadEdges"/>, as growable parallel arrays: a loader
/// adds rows as it reads them, and the index may keep the arrays themselves.
/// </summary>
public sealed class EdgeBatch
{
    public EdgeBatch(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        Keys = new long[capacity];
        Source = new int[capacity];
        Target = new int[capacity];
        Type = new ushort[capacity];
        ValidFrom = new int[capacity];
        ValidTo = new int[capacity];
    }

    public int Count { get; private set; }

    public long[] Keys { get; private set; }

    public int[] Source { get; private set; }

    public int[] Target { get; private set; }

    public ushort[] Type { get; private set; }

    public int[] ValidFrom { get; private set; }

    /// <summary><see cref="int.MaxValue"/> while the relationship is open.</summary>
    public int[] ValidTo { get; private set; }

    internal bool HasOneLength =>
        Source.Length == Keys.Length && Target.Length == Keys.Length && Type.Length == Keys.Length
        && ValidFrom.Length == Keys.Length && ValidTo.Length == Keys.Length;

    /// <summary>Appends the relationship <paramref name="key"/>, alive in [<paramref name="validFrom"/>, <paramref name="validTo"/>) (null: still open).</summary>
    public void Add(long key, int source, int target, int typeIndex, int validFrom, int? validTo)
    {
        var i = Count;
        if (i == Keys.Length) Grow();
        Keys[i] = key;
        Source[i] = source;
        Target[i] = target;
        Type[i] = checked((ushort)typeIndex);
        ValidFrom[i] = validFrom;
        ValidTo[i] = validTo ?? int.MaxValue;
        Count = i + 1;
    }

    private void Grow()
    {
        var size = Keys.Length * 2;
        Keys = Resized(Keys, size);
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
