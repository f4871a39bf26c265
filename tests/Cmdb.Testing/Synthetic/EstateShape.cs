namespace Cmdb.Testing.Synthetic;

/// <summary>
/// The proportions of a synthetic estate. Every count scales with the number of hypervisors, which is derived from the
/// CI count asked for, so reach sizes grow with the estate the way they do in a real one.
/// </summary>
internal static class EstateShape
{
    /// <summary>CIs generated per hypervisor on average (measured; keeps the total near the count asked for).</summary>
    public const double CisPerHypervisor = 185;
    public const int HypervisorsPerLocation = 540;
    public const int ServersPerRack = 36;
    public const double PhysicalServersPerHypervisor = 0.08;
    public const int HypervisorsPerCluster = 16;
    public const int ClustersPerStorageArray = 4;
    public const int MinVmsPerHypervisor = 14;
    public const int MaxVmsPerHypervisor = 26;
    public const double KubernetesNodeVmShare = 0.20;
    public const double DataStoreVmShare = 0.03;
    public const int NodesPerKubernetesCluster = 40;
    public const int NamespacesPerKubernetesCluster = 12;

    public const double ApplicationsPerHypervisor = 21;
    public const int ApplicationsPerDomain = 240;
    public const int MinDependencies = 3;
    public const int MaxDependencies = 8;
    public const double KubernetesApplicationShare = 0.7;
    public const double CrossDomainDependency = 0.04;
    public const int ApplicationsPerBusinessService = 10;

    /// <summary>Share of a domain's applications in tiers 0 (front) to 4 (back).</summary>
    public static readonly double[] TierWeights = [0.3, 0.25, 0.2, 0.15, 0.1];

    public const int ApplicationsPerDatabase = 25;
    public const int ApplicationsPerCache = 50;
    public const int ApplicationsPerQueue = 50;
    public const double ReplicatedDatabaseShare = 0.3;
    public const double DatabaseZipfExponent = 0.6;
    public const double CacheZipfExponent = 0.8;
    public const double QueueZipfExponent = 0.8;
}
