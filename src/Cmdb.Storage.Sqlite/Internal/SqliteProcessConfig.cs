using SQLitePCL;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Process-wide SQLite settings, applied once before the first connection opens (SQLite accepts them only before it
/// initialises; later calls are refused with SQLITE_MISUSE and change nothing).
/// </summary>
internal static class SqliteProcessConfig
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS
    private static int _applied;

    /// <summary>
    /// Turns off SQLite's memory statistics: with them on, every allocation and free inside SQLite takes a process-wide
    /// mutex (a bulk write allocates for every row). Nothing here reads those statistics. On glibc, also keeps freed
    /// native memory for reuse instead of trimming it after every batch (<see cref="GlibcMalloc"/>).
    /// </summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) != 0) return;
        Batteries_V2.Init();
        _ = raw.sqlite3_config(ConfigMemStatus, 0);
        _ = GlibcMalloc.Apply();
    }
}
