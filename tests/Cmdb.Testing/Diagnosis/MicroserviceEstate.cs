using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Testing.Synthetic;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Testing.Diagnosis;

/// <summary>
/// A deterministic microservice system: services as applications running on pools of pods (replicas, any one can be
/// lost), pods on Kubernetes nodes on virtual machines on hypervisors, a call graph between services, and shared
/// databases (some on three-server replica sets needing two), caches and queues. The same size and seed give the same
/// graph, loaded as one commit.
/// </summary>
public static class MicroserviceEstate
{
    public static GraphIndex Build(ModelCatalog model, int services, int seed, DateTimeOffset committedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(services, 10);
        var random = new SyntheticRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 77));
        var graph = new GraphIndex(model);
        var next = 0;
        long key = 1;
        int Ci(string cls, int? minHealthy = null) =>
            graph.UpsertNode(SyntheticIds.Ulid(seed, next++), model.GetClass(cls).Index, CiStatus.Active, "production", null, minHealthy, 1);
        void Rel(int source, string type, int target) => graph.AddEdge(key++, source, target, model.GetRelationshipType(type).Index, 1);

        var hypervisors = Enumerable.Range(0, Math.Max(3, services / 12)).Select(_ => Ci(Hypervisor)).ToArray();
        int Vm()
        {
            var vm = Ci(VirtualMachine);
            Rel(vm, HostedOn, hypervisors[random.Next(hypervisors.Length)]);
            return vm;
        }

        var nodes = Enumerable.Range(0, Math.Max(4, services / 4)).Select(_ =>
        {
            var node = Ci(KubernetesNode);
            Rel(node, RunsOn, Vm());
            return node;
        }).ToArray();
        var stores = new List<int>();
        for (var d = 0; d < Math.Max(2, services / 15); d++)
        {
            var db = Ci(Database);
            if (d % 3 == 0)
            {
                var set = Ci(ReplicaSet, minHealthy: 2);
                for (var r = 0; r < 3; r++) Rel(Ci(LinuxServer), MemberOf, set);
                Rel(db, RunsOn, set);
            }
            else
            {
                Rel(db, RunsOn, Vm());
            }

            stores.Add(db);
        }

        for (var c = 0; c < Math.Max(1, services / 20); c++) Rel(Ci(Cache), RunsOn, Vm());
        for (var c = 0; c < Math.Max(1, services / 40); c++) Rel(Ci(Queue), RunsOn, Vm());
        stores.AddRange(Enumerable.Range(0, next).Where(n => graph.Model.Classes[graph.StateAt(n, 1)!.ClassIndex].Name is Cache or Queue));

        var apps = new int[services];
        for (var s = 0; s < services; s++)
        {
            var app = apps[s] = Ci(Application);
            var replicas = random.Between(2, 5);
            var pool = Ci(Pool, minHealthy: replicas - 1);
            Rel(app, RunsOn, pool);
            for (var r = 0; r < replicas; r++)
            {
                var pod = Ci(Pod);
                Rel(pod, RunsOn, nodes[random.Next(nodes.Length)]);
                Rel(pod, MemberOf, pool);
            }

            // Popular stores first: a skewed pick makes a few databases shared by many services.
            for (var u = random.Between(0, 2); u > 0; u--)
            {
                var pick = (int)(stores.Count * Math.Pow(random.NextDouble(), 2));
                Rel(app, DependsOn, stores[pick]);
            }
        }

        // Calls go to later services only (a DAG), mostly nearby ones, as a layered call graph would.
        for (var s = 0; s < services - 1; s++)
        {
            for (var k = random.Between(0, 3); k > 0; k--)
            {
                var target = s + 1 + random.Next(Math.Min(services - s - 1, 25));
                Rel(apps[s], DependsOn, apps[target]);
            }
        }

        for (var b = 0; b < Math.Max(1, services / 10); b++)
        {
            var service = Ci(BusinessService);
            Rel(service, DependsOn, apps[random.Next(Math.Max(1, services / 5))]);
        }

        graph.Commits.Append(1, committedAt);
        return graph;
    }
}
