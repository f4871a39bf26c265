using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <remarks>
/// The digests of the current versions are computed while the nodes load, before any node number exists: both
/// scans visit the current versions in rowid order, so the n-th digest belongs to the n-th current row the node
/// scan met. Since V0013 the node scan takes each CI's last row and this scan each version without a successor, the
/// same rows in every file this store writes (a CI's versions are appended in order). The rowids are compared before anything is
/// applied; should the scans ever disagree, the digests are read again by CI id.
/// </remarks>
internal sealed partial class IndexLoader
{
    private static Digests ReadDigests(StartupConnection reader, CancellationToken cancellationToken)
    {
        using var fingerprint = new CiFingerprint();
        // The current versions (V0013): those without a successor. The superseded ones are found on the (ci_id, version)
        // index alone (the version before each version above 1), and the scan in rowid order skips them before reading
        // their snapshot. At 1M CIs this costs about 0.05 s of CPU more than the stored end did; taking each CI's
        // highest version instead (GROUP BY ci_id, then a seek per current row) cost 0.35 s more.
        using var r = reader.Query("""
            SELECT rowid, version, doc FROM ci_version
            WHERE rowid NOT IN (SELECT p.rowid FROM ci_version n JOIN ci_version p ON p.ci_id = n.ci_id AND p.version = n.version - 1
                                WHERE n.version > 1)
            ORDER BY rowid
            """);
        var digests = new Digests();
        while (r.Read())
        {
            if ((digests.Count & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            digests.Add(r.GetInt64(0), fingerprint.OfDoc(r.GetUtf8(2, 0)), r.GetInt64(1));
        }

        return digests;
    }

    /// <summary>The node of each version the node scan met, then (<see cref="KeepLastOfEachNode"/>) of each current one, in rowid order.</summary>
    private sealed class CurrentRows
    {
        public long[] RowIds { get; private set; } = new long[1024];

        public int[] Nodes { get; private set; } = new int[1024];

        public int Count { get; private set; }

        public void Add(long rowId, int node)
        {
            if (Count == RowIds.Length)
            {
                RowIds = Resized(RowIds);
                Nodes = Resized(Nodes);
            }

            RowIds[Count] = rowId;
            Nodes[Count++] = node;
        }

        /// <summary>
        /// Keeps only each node's last row: the node scan adds every version in rowid order, and a CI's current version
        /// is its last (V0013: the file no longer marks it). The rows kept stay in rowid order.
        /// </summary>
        public void KeepLastOfEachNode(int nodeCount)
        {
            var last = new int[nodeCount]; // 1 + the index of the node's last row
            for (var i = 0; i < Count; i++) last[Nodes[i]] = i + 1;
            var kept = 0;
            for (var i = 0; i < Count; i++)
            {
                if (last[Nodes[i]] != i + 1) continue;
                RowIds[kept] = RowIds[i];
                Nodes[kept++] = Nodes[i];
            }

            Count = kept;
        }
    }

    /// <summary>The digest and version of each current version, in rowid order.</summary>
    private sealed class Digests
    {
        private long[] _rowIds = new long[1024];
        private UInt128[] _digests = new UInt128[1024];
        private long[] _versions = new long[1024];

        public int Count { get; private set; }

        public void Add(long rowId, UInt128 digest, long version)
        {
            if (Count == _rowIds.Length)
            {
                _rowIds = Resized(_rowIds);
                _digests = Resized(_digests);
                _versions = Resized(_versions);
            }

            _rowIds[Count] = rowId;
            _digests[Count] = digest;
            _versions[Count++] = version;
        }

        /// <summary>Sets each node's digest; false (and nothing set) when the two scans did not meet the same rows.</summary>
        public bool ApplyTo(CurrentRows current, CiFingerprints fingerprints)
        {
            if (current.Count != Count || !current.RowIds.AsSpan(0, Count).SequenceEqual(_rowIds.AsSpan(0, Count))) return false;
            for (var i = 0; i < Count; i++) fingerprints.SetLatest(current.Nodes[i], _digests[i], _versions[i]);
            return true;
        }
    }

    private static T[] Resized<T>(T[] array)
    {
        Array.Resize(ref array, array.Length * 2);
        return array;
    }
}
