namespace Cmdb.Host.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(PathName);

    public string PathName { get; } = Path.Combine(Path.GetTempPath(), "cmdb-host-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(PathName, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(PathName, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a disposing host; the temp folder is cleaned by the OS eventually.
        }
    }
}
