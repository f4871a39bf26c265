namespace Cmdb.Testing.Synthetic;

internal sealed partial class EstateBuilder
{
    private void BuildVirtualisation(Site site)
    {
        var storage = -1;
        for (var start = 0; start < site.Hypervisors.Count; start += EstateShape.HypervisorsPerCluster)
        {
            var members = site.Hypervisors.Skip(start).Take(EstateShape.HypervisorsPerCluster).ToList();
            var cluster = AddCi(SyntheticKind.HypervisorCluster, minHealthy: Math.Max(1, members.Count - 2));
            if (start % (EstateShape.HypervisorsPerCluster * EstateShape.ClustersPerStorageArray) == 0)
            {
                storage = AddCi(SyntheticKind.StorageArray);
                Link(SyntheticRelationshipType.LocatedIn, storage, site.Location);
            }

            var vms = new List<int>();
            foreach (var hypervisor in members)
            {
                Link(SyntheticRelationshipType.MemberOf, hypervisor, cluster);
                var count = _random.Between(EstateShape.MinVmsPerHypervisor, EstateShape.MaxVmsPerHypervisor);
                for (var v = 0; v < count; v++)
                {
                    var vm = AddCi(SyntheticKind.VirtualMachine);
                    Link(SyntheticRelationshipType.HostedOn, vm, hypervisor);
                    Link(SyntheticRelationshipType.UsesStorage, vm, storage);
                    Link(SyntheticRelationshipType.LocatedIn, vm, site.Location);
                    vms.Add(vm);
                }
            }

            site.Tenancies.Add(BuildTenancy(site, vms));
        }
    }

    /// <summary>Deals a cluster's VMs out at random, so every hypervisor carries a mix of Kubernetes nodes and plain servers.</summary>
    private Tenancy BuildTenancy(Site site, List<int> vms)
    {
        _random.Shuffle(vms);
        var tenancy = new Tenancy();
        var nodeCount = (int)Math.Round(vms.Count * EstateShape.KubernetesNodeVmShare);
        var storeCount = Math.Max(1, (int)Math.Round(vms.Count * EstateShape.DataStoreVmShare));
        site.DataStoreVms.AddRange(vms.Skip(nodeCount).Take(storeCount));
        tenancy.ApplicationVms.AddRange(vms.Skip(nodeCount + storeCount));
        if (nodeCount == 0) return tenancy;

        var kube = AddCi(SyntheticKind.KubernetesCluster);
        Link(SyntheticRelationshipType.LocatedIn, kube, site.Location);
        foreach (var vm in vms.Take(nodeCount))
        {
            var node = AddCi(SyntheticKind.KubernetesNode);
            Link(SyntheticRelationshipType.RunsOn, node, vm);
            Link(SyntheticRelationshipType.Contains, kube, node);
            tenancy.KubeNodes.Add(node);
        }

        for (var n = 0; n < EstateShape.NamespacesPerKubernetesCluster; n++)
        {
            var ns = AddCi(SyntheticKind.KubernetesNamespace);
            Link(SyntheticRelationshipType.Contains, kube, ns);
            tenancy.Namespaces.Add(ns);
        }

        return tenancy;
    }
}
