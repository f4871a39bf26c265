using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;

namespace Cmdb.Domain.Tests.Topology;

/// <summary>
/// The index holds CI ids as 16-byte ULID values in an open-addressing table (strings made on demand), and any other
/// id by name: every id must come back exactly, and no lookup may find the wrong node or miss a published one.
/// </summary>
public class GraphIndexIdTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryGetNode_ManyIdsOfOneBatchAndRandomOnes_FindsEachAndCiIdRoundTrips()
    {
        var graph = new GraphIndex(TestModels.Seed);
        var ids = BatchIds(20_000).Concat(Enumerable.Range(0, 20_000).Select(i => Ulid.New(At.AddSeconds(i)))).ToList();
        for (var i = 0; i < ids.Count; i++) Assert.Equal(i, Upsert(graph, ids[i]));

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(graph.TryGetNode(ids[i], out var node));
            Assert.Equal(i, node);
            Assert.Equal(ids[i], graph.CiId(node));
            Assert.True(graph.TryGetUlid(node, out var ulid));
            Assert.True(graph.TryGetNode(ulid, out var byValue));
            Assert.Equal(i, byValue);
        }
    }

    [Fact]
    public void Find_ValuesThatShareTheLastSlot_AreToldApartAcrossTheWrapAndAnUnknownOneIsNotFound()
    {
        var ids = new NodeIds(64); // 96 slots: no rehash for 21 values
        var random = new Random(7);
        var sameSlot = new List<UInt128>();
        while (sameSlot.Count < 21) // all start at the last slot, so the probe also wraps around to the first
        {
            var value = new UInt128((ulong)random.NextInt64() & 0x0000_FFFF_FFFF_FFFF, (ulong)random.NextInt64());
            if (NodeIds.Start(value, ids.SlotCount) == ids.SlotCount - 1) sameSlot.Add(value);
        }

        for (var n = 0; n < 20; n++) ids.Add(n, sameSlot[n]);

        for (var n = 0; n < 20; n++) Assert.Equal(n, ids.Find(sameSlot[n]));
        Assert.Equal(-1, ids.Find(sameSlot[20])); // probes the whole cluster, then an empty slot
    }

    [Fact]
    public void Find_ValuesThatDifferOnlyInOneHalf_AreToldApartAcrossTableGrowth()
    {
        var ids = new NodeIds(16);
        var values = new List<UInt128>();
        for (ulong i = 1; i <= 3000; i++) values.AddRange([new UInt128(i, 0), new UInt128(0, i), new UInt128(i, i)]);
        ids.EnsureCapacity(values.Count);
        for (var n = 0; n < values.Count; n++) ids.Add(n, values[n]);

        for (var n = 0; n < values.Count; n++) Assert.Equal(n, ids.Find(values[n]));
        Assert.Equal(-1, ids.Find(new UInt128(3001, 3001)));
        Assert.Equal(-1, ids.Find(UInt128.Zero));
    }

    [Fact]
    public void TryGetNode_UnknownIds_AreNotFound()
    {
        var graph = new GraphIndex(TestModels.Seed);
        var known = Ulid.New(At);
        Upsert(graph, known);
        Upsert(graph, "app-1");

        Assert.False(graph.TryGetNode(Ulid.New(At.AddDays(1)), out _));
        Assert.False(graph.TryGetNode(known.ToLowerInvariant(), out _)); // another id as far as the store is concerned
        Assert.False(graph.TryGetNode(known[..25], out _));
        Assert.False(graph.TryGetNode("app-2", out _));
        Assert.False(graph.TryGetNode("", out _));
        Assert.False(graph.TryGetNode(UInt128.MaxValue, out _));
        Assert.Throws<ArgumentNullException>(() => graph.TryGetNode((string)null!, out _));
    }

    [Fact]
    public void UpsertNode_NamesAndUlidsOfTheReservedTimestamp_KeepTheirExactText()
    {
        var graph = new GraphIndex(TestModels.Seed);
        string[] ids = ["hub", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "7ZZZZZZZZZ0000000000000000", "01arz3ndektsv4rrffq69g5fav", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "ünïcode id"];
        foreach (var id in ids) Upsert(graph, id);

        for (var n = 0; n < ids.Length; n++)
        {
            Assert.Equal(ids[n], graph.CiId(n));
            Assert.True(graph.TryGetNode(ids[n], out var node));
            Assert.Equal(n, node);
        }

        Assert.True(UlidText.TryParse(ids[1], out var reserved));
        Assert.True(graph.TryGetNode(reserved, out var byValue));
        Assert.Equal(1, byValue);
        Assert.Equal(1, graph.UpsertNode(reserved, Cls(graph), CiStatus.Retired, null, null, null, 2)); // same CI, not a new node
        Assert.Equal(ids.Length, graph.NodeCount);
    }

    [Fact]
    public void UpsertNode_IdsCreatedAfterAReservedStart_AreFoundBesideTheLoadedOnes()
    {
        var graph = new GraphIndex(TestModels.Seed);
        var loaded = BatchIds(1000);
        graph.ReserveNodes(loaded.Count);
        foreach (var id in loaded)
        {
            Assert.True(UlidText.TryParse(id, out var value));
            graph.UpsertNode(value, Cls(graph), CiStatus.Active, null, null, null, 1);
        }

        var later = BatchIds(5000, seed: 2).Concat(Enumerable.Range(0, 50).Select(i => $"named-{i}")).ToList(); // grows every array several times
        foreach (var id in later) Upsert(graph, id, seq: 2);
        Assert.Equal(0, Upsert(graph, loaded[0], seq: 3)); // an update, not a new node

        var all = loaded.Concat(later).ToList();
        Assert.Equal(all.Count, graph.NodeCount);
        for (var n = 0; n < all.Count; n++)
        {
            Assert.True(graph.TryGetNode(all[n], out var node));
            Assert.Equal(n, node);
            Assert.Equal(all[n], graph.CiId(n));
        }
    }

    [Fact]
    public async Task TryGetNode_WhileAWriterAddsNodes_ReadersNeverMissAPublishedId()
    {
        var graph = new GraphIndex(TestModels.Seed);
        var ids = BatchIds(60_000);
        var cls = Cls(graph);
        // Published = UpsertNode has returned (the store publishes a commit only then); the node count itself runs
        // ahead of the lookup table by design, so a lookup never returns a node beyond the count.
        var published = 0;
        var writer = Task.Run(() =>
        {
            foreach (var id in ids)
            {
                graph.UpsertNode(id, cls, CiStatus.Active, null, null, null, 1);
                Interlocked.Increment(ref published);
            }
        });
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var random = new Random(r);
            var checkedIds = 0;
            while (!writer.IsCompleted || checkedIds == 0)
            {
                var count = Volatile.Read(ref published);
                if (count == 0) continue;
                var k = random.Next(count);
                if (!graph.TryGetNode(ids[k], out var node) || node != k || graph.CiId(k) != ids[k]) return $"id {k} of {count} published";
                checkedIds++;
            }

            return null;
        })).ToList();

        await writer;
        Assert.All(await Task.WhenAll(readers), Assert.Null);
    }

    [Fact]
    public void Key_KeysThatFollowEdgeNumbersThenJumpAndOutgrowAnInt_ReadBackExactly()
    {
        var b = new GraphBuilder().Ci("a", Application).Ci("b", Application).Commit();
        var graph = b.Graph;
        var keys = Enumerable.Range(1, 5000).Select(i => (long)i).Concat([9_000, 5001, 3, 5_000_000_000L, 5002, -4]).ToList();
        foreach (var key in keys) graph.AddEdge(key, 0, 1, 0, 2);

        Assert.Equal(keys, Enumerable.Range(0, graph.EdgeCount).Select(graph.Key));
        Assert.True(graph.RemoveEdge(5_000_000_000L, 0, 3));
        Assert.Equal(3, graph.ValidTo(keys.IndexOf(5_000_000_000L)));
    }

    [Fact]
    public void LoadEdges_KeysWithGapsAndKeysInOrder_ReadBackExactly()
    {
        foreach (long[] keys in new[] { new long[] { 10, 11, 12, 13 }, [10, 12, 13, 40], [int.MaxValue, 1L + int.MaxValue, 7, 8] })
        {
            var graph = new GraphBuilder().Ci("a", Application).Ci("b", Application).Commit().Graph;
            var batch = new EdgeBatch(2);
            foreach (var key in keys) batch.Add(key, 0, 1, 0, 1, null);
            graph.LoadEdges(batch);
            graph.AddEdge(99, 1, 0, 0, 2);

            Assert.Equal([.. keys, 99], Enumerable.Range(0, graph.EdgeCount).Select(graph.Key));
        }
    }

    private static int Cls(GraphIndex graph) => graph.Model.GetClass(Application).Index;

    private static int Upsert(GraphIndex graph, string id, int seq = 1) => graph.UpsertNode(id, Cls(graph), CiStatus.Active, null, null, null, seq);

    /// <summary>Ids as one import batch makes them: one millisecond, then a random start counting up.</summary>
    private static List<string> BatchIds(int count, int seed = 1)
    {
        var start = new UInt128((ulong)At.ToUnixTimeMilliseconds() << 16 | (uint)seed, (ulong)new Random(seed).NextInt64());
        return [.. Enumerable.Range(0, count).Select(i => UlidText.Format(start + (UInt128)i))];
    }
}
