using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;

namespace Cmdb.Discovery.Sources.BulkFolder;

/// <summary>
/// Reads every bulk file in a folder on each run: JSON import documents (the format of <c>docs/import-format.md</c>)
/// and CSV tables of CIs. Each file is a scope of its own, so one bad file fails alone.
/// </summary>
public sealed class BulkFolderSource(BulkFolderOptions options) : IDiscoverySource
{
    public string Kind => "bulk-folder";

    public async Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken)
    {
        var scopes = new List<ScopeResult>();
        foreach (var path in ListFiles(options.FolderPath))
        {
            var scope = Path.GetFileName(path);
            scopes.Add(await ScopeRunner.RunAsync(scope, ct => GetAsync(path, ct), BulkFolderTransform.Transform, cancellationToken));
        }

        return new DiscoveryBatch(scopes);
    }

    /// <summary>The bulk files of the folder, in name order; throws when the folder cannot be listed.</summary>
    public static IReadOnlyList<string> ListFiles(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static async Task<BulkFile> GetAsync(string path, CancellationToken cancellationToken) =>
        new(Path.GetFileName(path), path, await File.ReadAllTextAsync(path, cancellationToken));
}
