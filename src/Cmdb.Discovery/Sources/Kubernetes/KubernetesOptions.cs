namespace Cmdb.Discovery.Sources.Kubernetes;

/// <summary>Which kubectl listings to read; one per cluster, each cluster a scope.</summary>
public sealed class KubernetesOptions
{
    /// <summary>The clusters.</summary>
    /// <value>Empty by default.</value>
    public IList<KubernetesClusterInput> Clusters { get; init; } = [];
}
