using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;

namespace Cmdb.Discovery.Sources.Compose;

/// <summary>Reads Docker Compose files into application instances, their volumes and dependencies.</summary>
public sealed class ComposeSource(ComposeOptions options) : IDiscoverySource
{
    public string Kind => "compose";

    public async Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken)
    {
        var scopes = new List<ScopeResult>();
        foreach (var file in options.Files)
            scopes.Add(await ScopeRunner.RunAsync(file.Path, ct => GetAsync(file, ct), ComposeTransform.Transform, cancellationToken));
        return new DiscoveryBatch(scopes);
    }

    public static async Task<ComposeRaw> GetAsync(ComposeFile file, CancellationToken cancellationToken) =>
        new(file.Path, file.ProjectName, await File.ReadAllTextAsync(file.Path, cancellationToken));
}
