namespace Cmdb.Testing.Synthetic;

/// <summary>The roles CIs play in a synthetic estate; several roles may share a model class (core and top-of-rack switches).</summary>
public enum SyntheticKind : byte
{
    Location,
    CoreSwitch,
    TorSwitch,
    Hypervisor,
    PhysicalServer,
    HypervisorCluster,
    StorageArray,
    VirtualMachine,
    KubernetesCluster,
    KubernetesNode,
    KubernetesNamespace,
    KubernetesDeployment,
    KubernetesService,
    Pod,
    ApplicationInstance,
    Application,
    Pool,
    LoadBalancer,
    BusinessService,
    Database,
    DatabaseReplicaSet,
    Cache,
    Queue,
}
