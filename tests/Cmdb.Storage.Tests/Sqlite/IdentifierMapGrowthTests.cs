using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// The identifier map after a start-up load sized to its exact count: a batch's publish grows it by at least a
/// quarter, so the batches of one run rehash it once rather than each time, and every identifier stays found.
/// </summary>
public class IdentifierMapGrowthTests
{
    [Fact]
    public void Reserve_AfterAnExactLoad_GrowsByAQuarterOnceAndKeepsEveryHolder()
    {
        var graph = new GraphIndex(TestModels.Seed);
        var map = new IdentifierMap();
        map.Bind(graph);
        const int Loaded = 5000;
        map.EnsureCapacity(Loaded);
        var exact = map.Capacity;
        for (var i = 0; i < exact + 20; i++) graph.UpsertNode($"ci-{i}", graph.Model.GetClass(Application).Index, CiStatus.Active, null, null, null, 1);
        for (var i = 0; i < exact; i++) map.Set("serial", $"s-{i}", $"ci-{i}");
        Assert.Equal(exact, map.Capacity); // full, as a start-up load leaves it

        map.Reserve(10); // a batch with 10 new identifiers
        var grown = map.Capacity;
        Assert.True(grown >= exact + (exact / 4), $"grew from {exact} to {grown}: every later batch would rehash the map again");
        for (var i = exact; i < exact + 10; i++) map.Set("serial", $"s-{i}", $"ci-{i}");

        map.Reserve(10); // the next batch fits: no rehash
        Assert.Equal(grown, map.Capacity);
        for (var i = 0; i < exact + 10; i++) Assert.Equal($"ci-{i}", map.HolderOf("serial", $"s-{i}"));
    }
}
