using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    private SearchFile? _search;
    private long? _searchBehindFrom; // the search file's watermark when its last COMMIT failed after the database's

    /// <summary>The search file's path (<see cref="SearchFile"/>, V0012): beside the database file.</summary>
    internal string SearchFilePath => SearchFile.PathOf(Path.GetFullPath(_options.DatabasePath));

    /// <summary>How the last <see cref="InitializeAsync"/> brought the search file up to date: rows written, whole rebuild (tests).</summary>
    internal (int Rows, bool Rebuilt) SearchRecovered => _search?.Recovered ?? default;

    /// <summary>Test hook: when set, the search file's COMMIT of a batch throws (as a crash between the two commits would leave it).</summary>
    internal bool FailSearchCommitForTests { get; set; }

    /// <summary>
    /// Commits the batch's search rows after the database's COMMIT. The batch is durable already, so a failure here is
    /// not the caller's: the search file is caught up from the database before the next batch (and at start-up).
    /// </summary>
    private void CommitSearch(SqliteTransaction searchTx, int seq)
    {
        try
        {
            if (FailSearchCommitForTests) throw new IOException("search commit failed (test hook)");
            searchTx.Commit();
        }
#pragma warning disable CA1031 // the batch is committed: the search file is derived data, caught up below
        catch (Exception)
#pragma warning restore CA1031
        {
            _searchBehindFrom ??= seq - 1;
        }
    }

    /// <summary>Writes the search rows the search file missed (a failed search COMMIT) from the database's current versions.</summary>
    private void CatchUpSearch(long after)
    {
        _search!.CatchUp(_writer!, after, _lastSeq, rebuild: false);
        _searchBehindFrom = null;
    }
}
