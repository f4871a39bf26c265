namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// An exclusive lock file beside the database, held while a store has it open. SQLite itself would let a second
/// process write the file, but that process's writes would never reach this process's in-memory index, so the
/// embedded store refuses a second opener instead of serving a stale graph.
/// </summary>
internal sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static DatabaseLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share lock on Windows.
            return new DatabaseLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new IOException(
                $"The database '{databasePath}' is already open in another Cmdb process (lock file '{lockPath}'). " +
                "The embedded store serves one process: stop the other one, or point this one at another database file.", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
