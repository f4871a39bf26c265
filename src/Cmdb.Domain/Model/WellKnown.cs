namespace Cmdb.Domain.Model;

/// <summary>
/// Names from the shipped model (<c>seed/model.json</c>) that code refers to. Declared once here so code never
/// scatters string literals; traversal and analysis never branch on these, only on what the model says.
/// </summary>
public static class WellKnown
{
    public static class Classes
    {
        public const string BusinessService = "BusinessService";
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
        public const string CloudResource = "CloudResource";
    }

    public static class RelationshipTypes
    {
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
    }
}
