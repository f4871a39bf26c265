namespace Cmdb.Domain.Model;

/// <summary>
/// Names from the shipped model (<c>seed/model.json</c>) that code refers to. Declared once here so code never
/// scatters string literals; traversal and analysis never branch on these, only on what the model says.
/// </summary>
public static class WellKnown
{
    public static class Classes
    {
        public const string Location = "Location";
        public const string Pool = "Pool";
        public const string StorageArray = "StorageArray";
        public const string BusinessService = "BusinessService";
        public const string TechnicalService = "TechnicalService";
        public const string MessageBroker = "MessageBroker";
        public const string Application = "Application";
        public const string ApplicationInstance = "ApplicationInstance";
        public const string Process = "Process";
        public const string Computer = "Computer";
        public const string LinuxServer = "LinuxServer";
        public const string Hypervisor = "Hypervisor";
        public const string VirtualMachine = "VirtualMachine";
        public const string Container = "Container";
        public const string KubernetesCluster = "KubernetesCluster";
        public const string KubernetesNode = "KubernetesNode";
        public const string Pod = "Pod";
        public const string Database = "Database";
        public const string Cache = "Cache";
        public const string Queue = "Queue";
        public const string LoadBalancer = "LoadBalancer";
        public const string Switch = "Switch";
        public const string Cluster = "Cluster";
        public const string ReplicaSet = "ReplicaSet";
        public const string RedundancyGroup = "RedundancyGroup";
        public const string CloudResource = "CloudResource";
        public const string KubernetesNamespace = "KubernetesNamespace";
        public const string KubernetesDeployment = "KubernetesDeployment";
        public const string KubernetesStatefulSet = "KubernetesStatefulSet";
        public const string KubernetesReplicaSet = "KubernetesReplicaSet";
        public const string KubernetesDaemonSet = "KubernetesDaemonSet";
        public const string KubernetesService = "KubernetesService";
        public const string KubernetesIngress = "KubernetesIngress";
        public const string StorageVolume = "StorageVolume";
    }

    public static class RelationshipTypes
    {
        public const string LocatedIn = "LOCATED_IN";
        public const string DependsOn = "DEPENDS_ON";
        public const string RunsOn = "RUNS_ON";
        public const string HostedOn = "HOSTED_ON";
        public const string MemberOf = "MEMBER_OF";
        public const string RoutesTo = "ROUTES_TO";
        public const string Owns = "OWNS";
        public const string ConnectsTo = "CONNECTS_TO";
        public const string UsesStorage = "USES_STORAGE";
        public const string Contains = "CONTAINS";
        public const string InstanceOf = "INSTANCE_OF";
    }

    public static class Identifiers
    {
        public const string CmdbKey = "cmdb.key";
        public const string Fqdn = "fqdn";
        public const string Serial = "serial";
        public const string K8sUid = "k8s.uid";
        public const string K8sCluster = "k8s.cluster";
        public const string MachineId = "machine-id";
        public const string VmUuid = "vm.uuid";
        public const string CloudId = "cloud.id";
        public const string CloudInstanceId = "cloud.instance_id";
        public const string TerraformAddress = "terraform.address";
        public const string ProcessKey = "process.key";
        public const string InstanceKey = "instance.key";
        public const string DbKey = "db.key";
        public const string CacheKey = "cache.key";
        public const string QueueKey = "queue.key";
        public const string VolumeId = "volume.id";
    }
}
