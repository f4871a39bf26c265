
namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>A fresh folder for one test's database file, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cmdb-storage-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Folder, "nested", "cmdb.db");
    }

    public string Folder { get; }

    /// <summary>The database file, inside a folder that does not exist yet (the store creates it).</summary>
    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
