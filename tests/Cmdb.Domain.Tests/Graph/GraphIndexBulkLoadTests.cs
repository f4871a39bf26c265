using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Relationships;
using Xunit;

namespace Cmdb.Domain.Tests.Topology;

/// <summary>
/// <see cref="GraphIndex.LoadEdges"/> (store start-up) must build exactly the index that loading the same edges one
/// by one builds: same rows, same as-of answers, and the same behaviour under later writes and compactions.
/// </summary>
public class GraphIndexBulkLoadTests
{
    [Fact]
    public void LoadEdges_SameHistory_AnswersLikeTheIndexBuiltEdgeByEdge()
    {
        var (plain, seqs) = GraphIndexCompactionTests.RandomGraph(new Random(21), 300, compactAfterFirst: false);
        var bulk = Copy(plain, seqs, bulk: true);

        Assert.Equal(1, bulk.CompactionCount);
        Assert.Equal(0, bulk.OverlayEntries);
        AssertSame(plain, bulk, seqs);
    }

    [Fact]
    public void LoadEdges_AgreesWithLoadEdgeOneByOne_IncludingRemovedEdges()
    {
        var (source, seqs) = GraphIndexCompactionTests.RandomGraph(new Random(5), 200, compactAfterFirst: true);
        var oneByOne = Copy(source, seqs, bulk: false);
        var bulk = Copy(source, seqs, bulk: true);

        Assert.Contains(Enumerable.Range(0, bulk.EdgeCount), e => bulk.ValidTo(e) != int.MaxValue);
        AssertSame(oneByOne, bulk, seqs);
        oneByOne.Compact();
        AssertSame(oneByOne, bulk, seqs);
    }

    [Fact]
    public void Writes_AfterABulkLoad_AgreeWithAnIndexBuiltEdgeByEdge_BeforeAndAfterCompaction()
    {
        var (plain, seqs) = GraphIndexCompactionTests.RandomGraph(new Random(33), 250, compactAfterFirst: false);
        var bulk = Copy(plain, seqs, bulk: true);
        var random = new Random(34);
        var seq = seqs[^1] + 1;
        var key = Enumerable.Range(0, plain.EdgeCount).Max(plain.Key) + 1;
        for (var i = 0; i < 60; i++)
        {
            int s = random.Next(plain.NodeCount), t = random.Next(plain.NodeCount);
            plain.AddEdge(key, s, t, i % 5, seq);
            bulk.AddEdge(key++, s, t, i % 5, seq);
        }

        for (var e = 0; e < plain.EdgeCount; e += 9) // both loaded and new edges, open or already ended
        {
            Assert.Equal(plain.RemoveEdge(plain.Key(e), plain.Source(e), seq), bulk.RemoveEdge(plain.Key(e), plain.Source(e), seq));
        }

        plain.Commits.Append(seq, plain.Commits.TimeOf(seqs[^1]).AddMinutes(1));
        bulk.Commits.Append(seq, plain.Commits.TimeOf(seq));
        int[] all = [.. seqs, seq];
        Assert.True(bulk.OverlayEntries > 0);
        AssertSame(plain, bulk, all);
        bulk.Compact();
        Assert.Equal(0, bulk.OverlayEntries);
        AssertSame(plain, bulk, all);
    }

    [Fact]
    public void LoadEdges_IntoAnIndexThatHasEdges_AppendsAndCompacts()
    {
        var (plain, seqs) = GraphIndexCompactionTests.RandomGraph(new Random(8), 120, compactAfterFirst: false);
        var split = Copy(plain, seqs, bulk: true, take: plain.EdgeCount / 3);
        split.LoadEdges(Batch(plain, plain.EdgeCount / 3, plain.EdgeCount));

        Assert.Equal(plain.EdgeCount, split.EdgeCount);
        Assert.Equal(0, split.OverlayEntries);
        AssertSame(plain, split, seqs);
    }

    [Fact]
    public void LoadEdges_UnknownNode_ThrowsAndLeavesTheIndexUnchanged()
    {
        var (plain, seqs) = GraphIndexCompactionTests.RandomGraph(new Random(2), 50, compactAfterFirst: false);
        var bulk = Copy(plain, seqs, bulk: true);
        var batch = new EdgeBatch();
        batch.Add(1_000, 0, 1, 0, 1, null);
        batch.Add(1_001, 0, bulk.NodeCount, 0, 1, null);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => bulk.LoadEdges(batch));
        Assert.Contains("names node", error.Message, StringComparison.Ordinal);
        Assert.Equal(plain.EdgeCount, bulk.EdgeCount);
        AssertSame(plain, bulk, seqs);
    }

    [Fact]
    public void LoadEdges_IntervalEndingBeforeItStarts_ThrowsAndLoadsNothing()
    {
        var (plain, seqs) = GraphIndexCompactionTests.RandomGraph(new Random(3), 40, compactAfterFirst: false);
        var empty = Copy(plain, seqs, bulk: true, take: 0);
        var batch = new EdgeBatch();
        batch.Add(7, 0, 1, 0, 3, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => empty.LoadEdges(batch));
        Assert.Contains("before it starts", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, empty.EdgeCount);
        Assert.Equal(0, empty.CompactionCount);
    }

    /// <summary>A new index with the same node histories and commits, and the first <paramref name="take"/> edges of <paramref name="from"/>.</summary>
    private static GraphIndex Copy(GraphIndex from, int[] seqs, bool bulk, int? take = null)
    {
        var to = new GraphIndex(from.Model);
        var states = new List<(int Seq, int Node, NodeState State)>();
        for (var n = 0; n < from.NodeCount; n++)
        {
            for (var s = from.StateAt(n, int.MaxValue); s is not null; s = s.SinceSeq == 0 ? null : from.StateAt(n, s.SinceSeq - 1))
            {
                states.Add((s.SinceSeq, n, s));
            }
        }

        foreach (var (seq, n, s) in states.OrderBy(x => x.Seq).ThenBy(x => x.Node))
        {
            Assert.Equal(n, to.UpsertNode(from.CiId(n), s.ClassIndex, s.Status, from.EnvironmentName(s.EnvironmentIndex), s.Criticality, s.MinHealthy, seq));
        }

        var count = take ?? from.EdgeCount;
        if (bulk)
        {
            to.LoadEdges(Batch(from, 0, count));
        }
        else
        {
            for (var e = 0; e < count; e++)
            {
                to.LoadEdge(from.Key(e), from.Source(e), from.Target(e), from.TypeIndex(e), from.ValidFrom(e), Open(from.ValidTo(e)));
            }
        }

        foreach (var seq in seqs) to.Commits.Append(seq, from.Commits.TimeOf(seq));
        return to;
    }

    private static EdgeBatch Batch(GraphIndex from, int first, int end)
    {
        var batch = new EdgeBatch(end - first);
        for (var e = first; e < end; e++)
        {
            batch.Add(from.Key(e), from.Source(e), from.Target(e), from.TypeIndex(e), from.ValidFrom(e), Open(from.ValidTo(e)));
        }

        return batch;
    }

    private static int? Open(int validTo) => validTo == int.MaxValue ? null : validTo;

    private static void AssertSame(GraphIndex expected, GraphIndex actual, int[] seqs)
    {
        Assert.Equal(expected.EdgeCount, actual.EdgeCount);
        for (var e = 0; e < expected.EdgeCount; e++)
        {
            Assert.Equal(
                (expected.Key(e), expected.Source(e), expected.Target(e), expected.TypeIndex(e), expected.ValidFrom(e), expected.ValidTo(e)),
                (actual.Key(e), actual.Source(e), actual.Target(e), actual.TypeIndex(e), actual.ValidFrom(e), actual.ValidTo(e)));
        }

        for (var n = 0; n < expected.NodeCount; n++)
        {
            Assert.Equal(expected.OutEdges(n).ToArray(), actual.OutEdges(n).ToArray());
            Assert.Equal(expected.InEdges(n).ToArray(), actual.InEdges(n).ToArray());
        }

        var analyzer = new ImpactAnalyzer();
        foreach (var seq in seqs.Prepend(0))
        {
            for (var n = 0; n < expected.NodeCount; n += 11)
            {
                Assert.Equal(Around(expected, n, seq), Around(actual, n, seq));
                Assert.Equal(expected.StateAt(n, seq), actual.StateAt(n, seq));
                if (!expected.IsLiveAt(n, seq)) continue; // impact answers only for CIs that exist then
                string[] root = [expected.CiId(n)];
                Assert.Equal(Items(analyzer.Impact(expected, root, new() { AsOfSeq = seq })), Items(analyzer.Impact(actual, root, new() { AsOfSeq = seq })));
            }
        }
    }

    private static List<string> Items(ImpactResult result) =>
        result.Items(0, result.TotalCount).Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList();

    private static List<string> Around(GraphIndex graph, int node, int seq) =>
        GraphTraversal.Neighbourhood(graph, [node], Direction.Both, null, 2, seq)
            .Select(r => $"{r.Node}@{r.Depth}").Order(StringComparer.Ordinal).ToList();
}
