using System.Runtime.InteropServices;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Per index node: the <see cref="CiFingerprint"/> digest of the CI's current state and its version. Only the
/// writer touches it: at start-up, after each commit (every CI a batch updates gets its new digest, a new CI none),
/// and when an upsert has read a CI that had none.
/// </summary>
/// <remarks>
/// A node's digest and version sit side by side (24 bytes, no padding): every use reads or writes both, at a node
/// the writer reaches in no particular order, so one array costs one cache miss per node where a digest array and a
/// version array cost two (a discovery update paid them in its read-ahead check and again in the publish).
/// </remarks>
internal sealed class CiFingerprints
{
    private Slot[] _slots = new Slot[1024];

    /// <summary>True when the node's current state has this digest; <paramref name="version"/> is then its version.</summary>
    public bool Matches(int node, UInt128 digest, out long version)
    {
        version = 0;
        if ((uint)node >= (uint)_slots.Length) return false;
        ref readonly var slot = ref _slots[node];
        if (slot.Digest != digest) return false;
        version = slot.Version;
        return true;
    }

    /// <summary>True when the node has a digest; a CI created since start-up has none until an upsert reads it.</summary>
    public bool IsKnown(int node) => (uint)node < (uint)_slots.Length && _slots[node].Digest != UInt128.Zero;

    /// <summary>Records the node's digest, or forgets it (<see cref="UInt128.Zero"/>).</summary>
    public void Set(int node, UInt128 digest, long version)
    {
        if (node >= _slots.Length) Grow(node + 1);
        _slots[node] = new Slot(digest, version);
    }

    /// <summary>Start-up: keeps the digest of the highest version seen, whatever order the versions are read in.</summary>
    public void SetLatest(int node, UInt128 digest, long version)
    {
        if (IsKnown(node) && _slots[node].Version > version) return;
        Set(node, digest, version);
    }

    /// <summary>Nodes that fit before the array is copied into a larger one.</summary>
    public int Capacity => _slots.Length;

    public void EnsureCapacity(int nodes)
    {
        if (nodes > _slots.Length) Grow(nodes);
    }

    private void Grow(int needed) => Array.Resize(ref _slots, Math.Max(needed, _slots.Length * 2));

    /// <summary>
    /// The digest as two longs rather than a <see cref="UInt128"/>, whose 16-byte alignment would pad the slot to 32 bytes.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 8)]
    private readonly struct Slot(UInt128 digest, long version)
    {
        private readonly ulong _low = (ulong)digest;
        private readonly ulong _high = (ulong)(digest >> 64);

        public UInt128 Digest => new(_high, _low);

        public long Version { get; } = version;
    }
}
