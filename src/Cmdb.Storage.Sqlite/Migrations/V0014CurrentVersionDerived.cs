namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// A CI's current version is its highest <c>ci_version</c> row, no longer the one <c>ci.version</c> names, so an update
/// that changes only what the snapshot holds (attributes, tags, identifiers, minimum healthy, provenance) writes no
/// <c>ci</c> row.
/// </summary>
/// <remarks>
/// The row was rewritten on every update only for its version number: each such write dirtied a page at a random place
/// in a table of a million rows, which the commit wrote to the WAL and the checkpoint copied back (at 1M CIs about a fifth
/// of a discovery run's CPU). Versions of a CI are numbered 1, 2, 3 … and only ever appended, so the highest is the
/// current one, one reverse step of the <c>(ci_id, version)</c> key away (<c>SqlText.CurrentCi</c>).
/// <para>
/// <c>ci.version</c> stays in the table (dropping a column rewrites the whole table) and no reader uses it: rows keep
/// the number they had, and new rows are given 1. Nothing in the file changes here; the step is recorded so that a
/// build from before it, which would read <c>ci.version</c> as the current version, refuses the file.
/// </para>
/// </remarks>
internal static class V0014CurrentVersionDerived
{
    public const string Sql = "";
}
