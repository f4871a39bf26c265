using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Testing;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>The model and edge generator the random-graph impact tests share: every propagation kind, redundant or not.</summary>
internal static class RandomImpactGraphs
{
    public static readonly ModelCatalog Model = TestModels.SeedWith(
        TestModels.Type("T2S", Propagation.TargetToSource),
        TestModels.Type("T2S_R", Propagation.TargetToSource, redundant: true),
        TestModels.Type("S2T", Propagation.SourceToTarget),
        TestModels.Type("S2T_R", Propagation.SourceToTarget, redundant: true),
        TestModels.Type("BOTH", Propagation.Both),
        TestModels.Type("BOTH_R", Propagation.Both, redundant: true),
        TestModels.Type("NONE_R", Propagation.None, redundant: true));

    public static readonly string[] Environments = ["prod", "staging", "dev"];

    /// <summary>Adds (or, if it exists, rewrites) ci<paramref name="i"/> with a random class and random facts.</summary>
    public static void AddCi(GraphBuilder b, Random random, string[] classes, int i) =>
        b.Ci($"ci{i}", classes[random.Next(classes.Length)],
            minHealthy: random.Next(3) == 0 ? random.Next(1, 4) : null,
            status: random.Next(20) == 0 ? CiStatus.Retired : CiStatus.Active,
            environment: random.Next(4) == 0 ? null : Environments[random.Next(Environments.Length)],
            criticality: random.Next(3) == 0 ? null : random.Next(1, 5));

    /// <summary>Adds <paramref name="count"/> random edges among ci0..ci(size-1); about one in <paramref name="selfLoopOneIn"/> is a self-loop.</summary>
    public static void AddEdges(GraphBuilder b, Random random, int size, string[] types, List<(string, string, string)> edges, int count, int selfLoopOneIn)
    {
        for (var i = 0; i < count; i++)
        {
            var source = $"ci{random.Next(size)}";
            var target = random.Next(selfLoopOneIn) == 0 ? source : $"ci{random.Next(size)}";
            var type = types[random.Next(types.Length)];
            b.Rel(source, type, target);
            edges.Add((source, type, target));
        }
    }

    /// <summary>Removes up to <paramref name="count"/> edges drawn at random from <paramref name="edges"/> (the later commit of a history).</summary>
    public static void RemoveEdges(GraphBuilder b, Random random, List<(string, string, string)> edges, int count)
    {
        for (var i = 0; i < count && edges.Count > 0; i++)
        {
            var at = random.Next(edges.Count);
            var (s, t, target) = edges[at];
            edges.RemoveAt(at);
            b.RemoveRel(s, t, target);
        }
    }
}
