using Cmdb.Domain.Model;

namespace Cmdb.Testing.Synthetic;

/// <summary>
/// Model names the generator uses that <see cref="WellKnown"/> does not declare. They must exist in seed/model.json;
/// a test loads the model and checks every one.
/// </summary>
public static class SyntheticNames
{
    public const string Location = "Location";
    public const string Pool = "Pool";
    public const string StorageArray = "StorageArray";
    public const string KubernetesNamespace = "KubernetesNamespace";
    public const string KubernetesDeployment = "KubernetesDeployment";
    public const string KubernetesService = "KubernetesService";
    public const string LocatedIn = "LOCATED_IN";

    public const string InstanceKey = "instance.key";
    public const string DbKey = "db.key";
    public const string CacheKey = "cache.key";
    public const string QueueKey = "queue.key";
    public const string VmUuid = "vm.uuid";
    public const string K8sCluster = "k8s.cluster";
}
