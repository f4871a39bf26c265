namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Per index node: the <see cref="CiFingerprint"/> digest of the CI's current state and its version. Only the
/// writer touches it: at start-up, after each commit (every CI a batch updates gets its new digest, a new CI none),
/// and when an upsert has read a CI that had none.
/// </summary>
internal sealed class CiFingerprints
{
    private UInt128[] _digests = new UInt128[1024];
    private long[] _versions = new long[1024];

    /// <summary>True when the node's current state has this digest; <paramref name="version"/> is then its version.</summary>
    public bool Matches(int node, UInt128 digest, out long version)
    {
        version = 0;
        if ((uint)node >= (uint)_digests.Length || _digests[node] != digest) return false;
        version = _versions[node];
        return true;
    }

    /// <summary>True when the node has a digest; a CI created since start-up has none until an upsert reads it.</summary>
    public bool IsKnown(int node) => (uint)node < (uint)_digests.Length && _digests[node] != UInt128.Zero;

    /// <summary>Records the node's digest, or forgets it (<see cref="UInt128.Zero"/>).</summary>
    public void Set(int node, UInt128 digest, long version)
    {
        if (node >= _digests.Length) Grow(node + 1);
        _digests[node] = digest;
        _versions[node] = version;
    }

    /// <summary>Start-up: keeps the digest of the highest version seen, whatever order the versions are read in.</summary>
    public void SetLatest(int node, UInt128 digest, long version)
    {
        if (IsKnown(node) && _versions[node] > version) return;
        Set(node, digest, version);
    }

    /// <summary>Nodes that fit before the arrays are copied into larger ones.</summary>
    public int Capacity => _digests.Length;

    public void EnsureCapacity(int nodes)
    {
        if (nodes > _digests.Length) Grow(nodes);
    }

    private void Grow(int needed)
    {
        var size = Math.Max(needed, _digests.Length * 2);
        Array.Resize(ref _digests, size);
        Array.Resize(ref _versions, size);
    }
}
