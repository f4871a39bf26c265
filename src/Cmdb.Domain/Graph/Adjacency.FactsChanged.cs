namespace Cmdb.Domain.Graph;

internal sealed partial class Adjacency
{
    private int[]? _factsChanged;

    /// <summary>
    /// A bit per compacted node whose facts the writer changed after this compaction (null while none did), set before
    /// the change: the <see cref="PropagationRows"/>' compact copy (<see cref="LocalFacts"/>) no longer speaks for it.
    /// </summary>
    public int[]? FactsChanged => Volatile.Read(ref _factsChanged);

    /// <summary>Writer only (under the index's lock), before it writes the node's new facts.</summary>
    public void NoteFactsChanged(int node)
    {
        if ((uint)node >= (uint)Out.CsrNodes) return; // not in the rows: every walk that meets it falls back anyway
        var bits = _factsChanged;
        if (bits is null)
        {
            bits = new int[(Out.CsrNodes + 31) >> 5];
            bits[node >> 5] = 1 << (node & 31);
            Volatile.Write(ref _factsChanged, bits);
            return;
        }

        Volatile.Write(ref bits[node >> 5], bits[node >> 5] | (1 << (node & 31)));
    }

    /// <summary>True when the writer changed the node's facts since this compaction (<paramref name="bits"/>: <see cref="FactsChanged"/>).</summary>
    public static bool Changed(int[] bits, int node) => (Volatile.Read(ref bits[node >> 5]) & (1 << (node & 31))) != 0;
}
