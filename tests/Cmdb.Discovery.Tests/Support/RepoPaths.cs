using System.Runtime.CompilerServices;

namespace Cmdb.Discovery.Tests.Support;

/// <summary>Finds the repository root (the folder holding Cmdb.sln), wherever the build output was placed.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
        FindFrom(AppContext.BaseDirectory) ?? FindFrom(Path.GetDirectoryName(ThisFile())!)
        ?? throw new InvalidOperationException("Cmdb.sln not found above the test output or the test sources."));

    public static string Root => RootPath.Value;

    public static string ModelFile => Path.Combine(Root, "seed", "model.json");

    private static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cmdb.sln"))) return dir.FullName;
        }

        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
