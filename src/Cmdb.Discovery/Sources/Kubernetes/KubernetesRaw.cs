namespace Cmdb.Discovery.Sources.Kubernetes;

/// <summary>The raw kubectl <c>List</c> of one cluster, as read.</summary>
public sealed record KubernetesRaw(string Cluster, string Input, string Json);
