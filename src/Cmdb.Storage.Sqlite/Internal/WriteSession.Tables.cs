namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    /// <summary>
    /// The per-CI tables of a batch (the CIs it wrote, its identifier overlay, its node changes), kept by the store from
    /// one batch to the next: a discovery batch sized them for its 5,000 CIs each time, three large-object-heap arrays
    /// (about 0.6 MB, zeroed in fresh memory) per batch. Only the batch holding the store's write gate uses them.
    /// </summary>
    internal sealed class Tables
    {
        // Kept only up to this many entries: a bulk import's 500,000-CI batch does not leave its tables in memory.
        private const int MostKept = 16_384;

        public Dictionary<string, Written> Cis { get; private set; } = new(StringComparer.Ordinal);

        public Dictionary<(string Scheme, string Value), string?> IdentifierOverlay { get; private set; } = [];

        public List<NodeChange> NodeChanges { get; private set; } = [];

        /// <summary>Empties the tables for a new batch (whatever the last one left, a failed one included).</summary>
        public Tables Reset()
        {
            if (Cis.EnsureCapacity(0) > MostKept) Cis = new(StringComparer.Ordinal);
            else Cis.Clear();
            if (IdentifierOverlay.EnsureCapacity(0) > MostKept) IdentifierOverlay = [];
            else IdentifierOverlay.Clear();
            if (NodeChanges.Capacity > MostKept) NodeChanges = [];
            else NodeChanges.Clear(); // clears the slots too: no id string of the last batch stays reachable
            return this;
        }
    }
}
