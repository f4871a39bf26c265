using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

/// <summary>A database path in a fresh temp folder, deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cmdb-scheduling-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase() => Directory.CreateDirectory(_directory);

    public string Path => System.IO.Path.Combine(_directory, "cmdb.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may outlive the test briefly; the temp folder is harmless.
        }
    }
}
