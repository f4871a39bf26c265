using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;

namespace Cmdb.Discovery.Sources.Kubernetes;

/// <summary>Reads kubectl JSON listings into namespaces, nodes, workloads, pods, services and ingresses.</summary>
public sealed class KubernetesSource(KubernetesOptions options) : IDiscoverySource
{
    public string Kind => "kubernetes";

    public async Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken)
    {
        var scopes = new List<ScopeResult>();
        foreach (var cluster in options.Clusters)
        {
            scopes.Add(await ScopeRunner.RunAsync(cluster.Name, ct => GetAsync(cluster, ct), KubernetesTransform.Transform, cancellationToken));
        }

        return new DiscoveryBatch(scopes);
    }

    public static async Task<KubernetesRaw> GetAsync(KubernetesClusterInput cluster, CancellationToken cancellationToken) =>
        new(cluster.Name, cluster.Path, await File.ReadAllTextAsync(cluster.Path, cancellationToken));
}
