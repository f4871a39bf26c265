using System.Runtime.CompilerServices;

namespace Cmdb.Testing;

/// <summary>Paths inside the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds <c>Cmdb.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The shipped model, <c>seed/model.json</c>.</summary>
    public static string SeedModel => Path.Combine(Root, "seed", "model.json");

    private static string FindRoot()
    {
        // The output folder is usually inside the repository; a build with its own ArtifactsPath is not, so the
        // source file's compile-time location is the fallback.
        return Above(AppContext.BaseDirectory) ?? Above(Path.GetDirectoryName(SourceFile()))
            ?? throw new InvalidOperationException($"No Cmdb.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }

    private static string? Above(string? start)
    {
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cmdb.sln"))) return dir.FullName;
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
