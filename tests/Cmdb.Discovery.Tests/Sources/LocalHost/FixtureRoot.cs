using Cmdb.Discovery.Tests.Support;

namespace Cmdb.Discovery.Tests.Sources.LocalHost;

/// <summary>
/// A copy of Data/LocalHost/root in a temp folder where each <c>name.link</c> file becomes the symbolic link
/// <c>name</c> pointing at the file's text, as /proc/&lt;pid&gt;/exe and /proc/&lt;pid&gt;/fd/* are.
/// (Build copying cannot carry dangling links like <c>socket:[1001]</c>, so they are made here.)
/// </summary>
internal sealed class FixtureRoot : IDisposable
{
    public FixtureRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cmdb-localhost-" + Guid.NewGuid().ToString("N"));
        var source = TestData.PathOf("LocalHost", "root");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(source, file);
            var target = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            if (relative.EndsWith(".link", StringComparison.Ordinal))
                File.CreateSymbolicLink(target[..^".link".Length], File.ReadAllText(file).Trim());
            else
                File.Copy(file, target);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
