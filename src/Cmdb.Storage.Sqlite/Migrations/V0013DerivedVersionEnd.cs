namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// A CI version's end is no longer stored: it is the start of the CI's next version (versions of a CI are numbered 1, 2,
/// 3 … and each begins at a later or the same commit), and the current version is the one <c>ci.version</c> names, the
/// highest. The partial <c>ci_version_ended</c> index goes with the stored end.
/// </summary>
/// <remarks>
/// Closing the old version was the costliest statement of an update: a row of <c>ci_version</c> written long ago sits on
/// a page of its own among the file's older pages, so each close read and dirtied one such page (and put an entry into
/// <c>ci_version_ended</c>), and the commit wrote each of those pages to the WAL again. Every version is ended by an
/// update that writes its successor in the same commit (a retirement is such an update: the retired CI is a new version
/// with status retired; CIs are never deleted), so the successor's <c>valid_from_seq</c> is exactly the end the close
/// wrote. Readers derive it (<c>SqlText.VersionValidAt</c>, the start-up loaders, <c>Retention</c>).
/// <para>
/// <c>ci_version.valid_to_seq</c> stays in the table (dropping a column rewrites the whole table) and no reader uses it:
/// rows ended before this step keep the end they were given, which equals their successor's start, and rows written
/// from now on leave it null even once superseded. No backfill is needed, for the same reason. Relationships,
/// relationship attributes and ended identifiers keep their stored ends.
/// </para>
/// </remarks>
internal static class V0013DerivedVersionEnd
{
    public const string Sql = "DROP INDEX IF EXISTS ci_version_ended;";
}
