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
