namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// The <c>ci_class (class, id)</c> index goes: a current-state query filtered by class takes its CI ids from the
/// in-memory graph index, which knows every CI's class (<c>SqliteCmdbStore.ClassFilter</c>), rather than from the file.
/// </summary>
/// <remarks>
/// Every new CI put one entry into this index (about 52 MB at 1M CIs, more than the <c>id</c> index itself), at one of
/// as many places as there are classes: one of the B-tree inserts that make a bulk import's statement thread the limit.
/// A class never changes after creation, and the graph index holds every CI the file holds, so it answers the same
/// question in memory. As-of queries read snapshots (<c>ci_version</c>) as before and never used this index. The step
/// only drops the index (no data moves); an older build would still read the file correctly, only slower for class
/// filters, but it refuses the file anyway (11 > 10).
/// </remarks>
internal static class V0011ClassFromIndex
{
    public const string Sql = "DROP INDEX IF EXISTS ci_class;";
}
