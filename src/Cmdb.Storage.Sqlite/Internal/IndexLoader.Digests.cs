using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <remarks>
/// The digests of the current versions are computed while the nodes load, before any node number exists: both
/// scans visit the current versions in rowid order, so the n-th digest belongs to the n-th current row the node
/// scan met. The rowids are compared before anything is applied; should the scans ever disagree, the digests are
/// read again by CI id.
/// </remarks>
internal sealed partial class IndexLoader
{
    private static Digests ReadDigests(StartupConnection reader, CancellationToken cancellationToken)
    {
        using var fingerprint = new CiFingerprint();
        using var r = reader.Query("SELECT rowid, version, doc FROM ci_version WHERE valid_to_seq IS NULL ORDER BY rowid");
        var digests = new Digests();
        while (r.Read())
        {
            if ((digests.Count & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            digests.Add(r.GetInt64(0), fingerprint.OfDoc(r.GetUtf8(2, 0)), r.GetInt64(1));
        }

        return digests;
    }

    /// <summary>The node of each current version, in rowid order.</summary>
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
