namespace Cmdb.Discovery.Sources.Kubernetes;

/// <summary>Which kubectl listings to read; one per cluster, each cluster a scope.</summary>
public sealed class KubernetesOptions
{
    public const string SectionName = "Discovery:Kubernetes";

    /// <summary>The clusters.</summary>
    /// <value>Empty by default.</value>
    public IList<KubernetesClusterInput> Clusters { get; init; } = [];
}
