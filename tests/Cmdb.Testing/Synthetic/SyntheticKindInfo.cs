using Cmdb.Domain.Model;

namespace Cmdb.Testing.Synthetic;

/// <summary>How CIs of one <see cref="SyntheticKind"/> look: model class, name prefix and the identifier scheme that names them.</summary>
/// <param name="Class">The model class.</param>
/// <param name="Prefix">Name prefix; the name is the prefix and a per-kind ordinal.</param>
/// <param name="Scheme">The identifier scheme the class's identification rule matches first.</param>
/// <param name="HasFqdn">Whether the CI also carries an <c>fqdn</c> identifier.</param>
public sealed record SyntheticKindInfo(string Class, string Prefix, string Scheme, bool HasFqdn)
{
    private static readonly SyntheticKindInfo[] Table =
    [
        new(WellKnown.Classes.Location, "dc", WellKnown.Identifiers.CmdbKey, false),
        new(WellKnown.Classes.Switch, "core-sw", WellKnown.Identifiers.Serial, false),
        new(WellKnown.Classes.Switch, "tor-sw", WellKnown.Identifiers.Serial, false),
        new(WellKnown.Classes.Hypervisor, "hv", WellKnown.Identifiers.Serial, true),
        new(WellKnown.Classes.LinuxServer, "srv", WellKnown.Identifiers.Serial, true),
        new(WellKnown.Classes.Cluster, "vcluster", WellKnown.Identifiers.CmdbKey, false),
        new(WellKnown.Classes.StorageArray, "san", WellKnown.Identifiers.Serial, false),
        new(WellKnown.Classes.VirtualMachine, "vm", WellKnown.Identifiers.VmUuid, true),
        new(WellKnown.Classes.KubernetesCluster, "k8s", WellKnown.Identifiers.K8sCluster, false),
        new(WellKnown.Classes.KubernetesNode, "node", WellKnown.Identifiers.K8sUid, false),
        new(WellKnown.Classes.KubernetesNamespace, "ns", WellKnown.Identifiers.K8sUid, false),
        new(WellKnown.Classes.KubernetesDeployment, "deploy", WellKnown.Identifiers.K8sUid, false),
        new(WellKnown.Classes.KubernetesService, "svc", WellKnown.Identifiers.K8sUid, false),
        new(WellKnown.Classes.Pod, "pod", WellKnown.Identifiers.K8sUid, false),
        new(WellKnown.Classes.ApplicationInstance, "inst", WellKnown.Identifiers.InstanceKey, false),
        new(WellKnown.Classes.Application, "app", WellKnown.Identifiers.CmdbKey, false),
        new(WellKnown.Classes.Pool, "pool", WellKnown.Identifiers.CmdbKey, false),
        new(WellKnown.Classes.LoadBalancer, "lb", WellKnown.Identifiers.Fqdn, false),
        new(WellKnown.Classes.BusinessService, "bs", WellKnown.Identifiers.CmdbKey, false),
        new(WellKnown.Classes.Database, "db", WellKnown.Identifiers.DbKey, false),
        new(WellKnown.Classes.ReplicaSet, "dbrs", WellKnown.Identifiers.CmdbKey, false),
        new(WellKnown.Classes.Cache, "cache", WellKnown.Identifiers.CacheKey, false),
        new(WellKnown.Classes.Queue, "queue", WellKnown.Identifiers.QueueKey, false),
    ];

    public static SyntheticKindInfo Of(SyntheticKind kind) => Table[(int)kind];

    public static IReadOnlyList<SyntheticKindInfo> All => Table;
}
