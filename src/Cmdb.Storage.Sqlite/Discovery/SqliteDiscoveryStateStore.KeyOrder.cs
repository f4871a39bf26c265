using Cmdb.Domain.Discovery;

namespace Cmdb.Storage.Sqlite.Discovery;

public sealed partial class SqliteDiscoveryStateStore
{
    /// <summary>
    /// The rows in the table's key order (scope, then CI id, ordinal), so consecutive inserts land on the same pages of
    /// its B-tree. Rows with the same key keep their given order, so the last one still wins the upsert.
    /// </summary>
    /// <remarks>
    /// The engine hands rows over scope by scope, and a run's new CIs come with ascending ids: a linear check per scope
    /// finds most of them in order already. Sorting all 100k rows of a first run by two string keys (LINQ's
    /// <c>OrderBy().ThenBy()</c>) was a tenth of the write.
    /// </remarks>
    internal static CiSighting[] InKeyOrder(IReadOnlyList<CiSighting> rows)
    {
        var sorted = rows.ToArray();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && string.Equals(sorted[i].Scope, sorted[start].Scope, StringComparison.Ordinal)) continue;
            // A scope that comes back after another, or scopes out of order: sort the whole lot (stable, so ties keep order).
            if (i < sorted.Length && string.CompareOrdinal(sorted[i].Scope, sorted[start].Scope) < 0) return ByScopeAndCi(rows);
            SortRun(sorted, start, i - start);
            start = i;
        }

        return sorted;
    }

    private static CiSighting[] ByScopeAndCi(IReadOnlyList<CiSighting> rows) =>
        [.. rows.OrderBy(r => r.Scope, StringComparer.Ordinal).ThenBy(r => r.CiId, StringComparer.Ordinal)];

    /// <summary>Orders one scope's rows by CI id, unless they are in order already.</summary>
    private static void SortRun(CiSighting[] rows, int start, int length)
    {
        var end = start + length;
        var i = start + 1;
        while (i < end && string.CompareOrdinal(rows[i - 1].CiId, rows[i].CiId) <= 0) i++;
        if (i >= end) return;
        // Array.Sort is not stable: the position breaks ties, so duplicates of a key keep their given order.
        var keyed = new (CiSighting Row, int At)[length];
        for (var k = 0; k < length; k++) keyed[k] = (rows[start + k], k);
        Array.Sort(keyed, static (a, b) =>
        {
            var byCi = string.CompareOrdinal(a.Row.CiId, b.Row.CiId);
            return byCi != 0 ? byCi : a.At.CompareTo(b.At);
        });
        for (var k = 0; k < length; k++) rows[start + k] = keyed[k].Row;
    }
}
