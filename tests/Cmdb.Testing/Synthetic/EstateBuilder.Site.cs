namespace Cmdb.Testing.Synthetic;

internal sealed partial class EstateBuilder
{
    /// <summary>One data centre: its network, servers, virtual machines and Kubernetes clusters.</summary>
    private sealed class Site
    {
        public int Location;
        public List<int> Hypervisors { get; } = [];
        public List<int> PhysicalServers { get; } = [];
        public List<int> DataStoreVms { get; } = [];
        public List<Tenancy> Tenancies { get; } = [];
        public int PhysicalCursor;
        public int DataStoreVmCursor;

        public static int Next(List<int> items, ref int cursor) => items[cursor++ % items.Count];
    }

    /// <summary>
    /// The virtual machines of one hypervisor cluster and the Kubernetes cluster built on some of them. Product
    /// domains are placed on a tenancy, as teams get their own clusters, so a hypervisor carries few domains.
    /// </summary>
    private sealed class Tenancy
    {
        public List<int> ApplicationVms { get; } = [];
        public List<int> KubeNodes { get; } = [];
        public List<int> Namespaces { get; } = [];
        public int ApplicationVmCursor;
    }

    private Site BuildSite(int hypervisorCount)
    {
        var site = new Site { Location = AddCi(SyntheticKind.Location, environment: 0) };
        var coreA = AddCi(SyntheticKind.CoreSwitch, environment: 1);
        var coreB = AddCi(SyntheticKind.CoreSwitch, environment: 1);
        Link(SyntheticRelationshipType.LocatedIn, coreA, site.Location);
        Link(SyntheticRelationshipType.LocatedIn, coreB, site.Location);

        var physicalCount = Math.Max(3, (int)Math.Round(hypervisorCount * EstateShape.PhysicalServersPerHypervisor));
        int torA = -1, torB = -1;
        for (var s = 0; s < hypervisorCount + physicalCount; s++)
        {
            if (s % EstateShape.ServersPerRack == 0)
            {
                // Each rack has a pair of top-of-rack switches, each uplinked to both core switches.
                torA = AddTor(site.Location, coreA, coreB);
                torB = AddTor(site.Location, coreA, coreB);
            }

            // Physical servers are spread through the racks rather than packed into the last ones.
            var total = hypervisorCount + physicalCount;
            var physical = s * physicalCount / total != (s + 1) * physicalCount / total;
            var server = AddCi(physical ? SyntheticKind.PhysicalServer : SyntheticKind.Hypervisor);
            (physical ? site.PhysicalServers : site.Hypervisors).Add(server);
            Link(SyntheticRelationshipType.ConnectsTo, server, torA);
            Link(SyntheticRelationshipType.ConnectsTo, server, torB);
            Link(SyntheticRelationshipType.LocatedIn, server, site.Location);
        }

        BuildVirtualisation(site);
        return site;
    }

    private int AddTor(int location, int coreA, int coreB)
    {
        var tor = AddCi(SyntheticKind.TorSwitch);
        Link(SyntheticRelationshipType.ConnectsTo, tor, coreA);
        Link(SyntheticRelationshipType.ConnectsTo, tor, coreB);
        Link(SyntheticRelationshipType.LocatedIn, tor, location);
        return tor;
    }
}
