namespace Cmdb.Discovery.Sources.Kubernetes;

/// <summary>One cluster: its name (the scope and the <c>k8s.cluster</c> identifier) and the kubectl JSON file.</summary>
public sealed class KubernetesClusterInput
{
    /// <summary>The cluster's name, stable across runs (e.g. <c>prod-eu-1</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// Output of <c>kubectl get namespaces,nodes,deployments,replicasets,statefulsets,daemonsets,pods,services,ingresses -A -o json</c>.
    /// </summary>
    public string Path { get; set; } = "";
}
