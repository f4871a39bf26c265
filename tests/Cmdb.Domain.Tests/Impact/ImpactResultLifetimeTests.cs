using System.Text;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// A large impact result keeps pooled arrays (the scratch's own, or rented copies) that go back for reuse when the
/// result is disposed (<see cref="ReachedSet.Pooled"/>). A result in use must never see another call's data, whether it
/// is disposed later or never; a disposed one must refuse every read.
/// </summary>
public class ImpactResultLifetimeTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    /// <summary>
    /// Three switches, each carrying <c>hosts</c> hosts with one app each; every tenth app is also behind a replica set
    /// (minHealthy 1) of two databases on the host, so states vary. A service on top of each switch's first app.
    /// </summary>
    private static GraphIndex Estate(params int[] hosts)
    {
        var b = new GraphBuilder();
        for (var sw = 0; sw < hosts.Length; sw++)
        {
            b.Ci($"sw{sw}", Switch, environment: "production");
            for (var h = 0; h < hosts[sw]; h++)
            {
                var (host, app) = ($"h{sw}.{h}", $"a{sw}.{h}");
                b.Ci(host, LinuxServer, environment: h % 3 == 0 ? "staging" : "production").Ci(app, Application, criticality: 1 + h % 4);
                b.Rel(host, ConnectsTo, $"sw{sw}").Rel(app, RunsOn, host);
                if (h % 10 != 0) continue;
                b.Ci($"rs{sw}.{h}", ReplicaSet, minHealthy: 1).Ci($"d{sw}.{h}", Database).Ci($"e{sw}.{h}", Database);
                b.Rel($"d{sw}.{h}", RunsOn, host).Rel($"d{sw}.{h}", MemberOf, $"rs{sw}.{h}").Rel($"e{sw}.{h}", MemberOf, $"rs{sw}.{h}");
                b.Rel(app, DependsOn, $"rs{sw}.{h}");
            }

            b.Ci($"svc{sw}", BusinessService, criticality: 1).Rel($"svc{sw}", DependsOn, $"a{sw}.0");
        }

        var graph = b.Build();
        graph.Compact();
        graph.Propagation(wait: true);
        return graph;
    }

    /// <summary>Everything a reader can take from the result, read again from its arrays (items, paths, services).</summary>
    private static string Read(ImpactResult result)
    {
        var text = new StringBuilder();
        var summary = result.Summary;
        text.Append($"{result.TotalCount} {summary.Total} {summary.Down} {summary.Degraded} {summary.AtRisk}\n");
        foreach (var service in summary.BusinessServices) text.Append(service).Append('\n');
        var items = result.Items(0, int.MaxValue);
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(items[i]).Append('\n');
            if (i % 5 != 0) continue;
            foreach (var step in result.PathTo(items[i].CiId)!) text.Append("  ").Append(step).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void Impact_ResultsNotDisposed_KeepTheirItemsWhileLaterCallsReuseArrays()
    {
        // 1,201 and 3,301 hosts: closures past the pooled size; the third switch's is small (copied exactly).
        var graph = Estate(1200, 3300, 20);
        var (middle, large, small) = (_analyzer.Impact(graph, ["sw0"]), _analyzer.Impact(graph, ["sw1"]), _analyzer.Impact(graph, ["sw2"]));
        Assert.True(large.TotalCount > 2 * ReachedSet.PooledFrom && middle.TotalCount > ReachedSet.PooledFrom && small.TotalCount < ReachedSet.PooledFrom);
        var expected = (Read(middle), Read(large), Read(small));

        // The large closure fills the scratch's arrays, so it takes them; the middle one, taken after it, is copied
        // into rented arrays. Disposed calls in between give arrays back and take them again.
        for (var i = 0; i < 3; i++)
        {
            foreach (var ci in new[] { "sw1", "sw0", "sw2", "h1.7", "sw1" })
            {
                using var other = _analyzer.Impact(graph, [ci]);
                Assert.True(other.TotalCount > 0);
            }

            Assert.Equal(expected, (Read(middle), Read(large), Read(small)));
        }

        // Fresh results of the same questions, after all that recycling, read the same.
        using var again = _analyzer.Impact(graph, ["sw1"]);
        using var againMiddle = _analyzer.Impact(graph, ["sw0"]);
        Assert.Equal(expected.Item2, Read(again));
        Assert.Equal(expected.Item1, Read(againMiddle));
    }

    [Fact]
    public void Impact_ResultsOnTheGeneralRows_KeepTheirItemsWhileLaterCallsReuseArrays()
    {
        var graph = Estate(1500, 600);
        ImpactEngine.t_generalRowsOnly = true; // the general walk hands over nodes and depths instead of local numbers
        try
        {
            var large = _analyzer.Impact(graph, ["sw0"]);
            var expected = Read(large);
            for (var i = 0; i < 4; i++)
            {
                using var other = _analyzer.Impact(graph, [i % 2 == 0 ? "sw0" : "sw1"]);
                Assert.True(other.TotalCount > 0);
            }

            Assert.Equal(expected, Read(large));
        }
        finally
        {
            ImpactEngine.t_generalRowsOnly = false;
        }
    }

    [Theory]
    [InlineData(1200)] // pooled
    [InlineData(30)] // copied exactly: disposing still ends the reads
    public void Dispose_ThenEveryRead_ThrowsObjectDisposed(int hosts)
    {
        var graph = Estate(hosts);
        var result = _analyzer.Impact(graph, ["sw0"]);
        var services = result.Summary.BusinessServices; // listed on first read, from the result
        var item = result.Items(0, 1)[0];

        result.Dispose();
        result.Dispose(); // idempotent

        Assert.Throws<ObjectDisposedException>(() => result.TotalCount);
        Assert.Throws<ObjectDisposedException>(() => result.Summary);
        Assert.Throws<ObjectDisposedException>(() => result.Items(0, 10));
        Assert.Throws<ObjectDisposedException>(() => result.Find(item.CiId));
        Assert.Throws<ObjectDisposedException>(() => result.PathTo("a0.1"));
        Assert.Throws<ObjectDisposedException>(() => result.ToSubgraph());
        Assert.Throws<ObjectDisposedException>(() => services.Count > 0 ? services[0] : null);
    }

    [Fact]
    public void Dispose_LargeResults_NextCallsAllocateNoNewArrays()
    {
        var graph = Estate(3000);
        long Allocated(bool dispose)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 5; i++)
            {
                var result = _analyzer.Impact(graph, ["sw0"]);
                Assert.True(result.Summary.Total > 6000);
                if (dispose) result.Dispose();
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before) / 5;
        }

        Allocated(dispose: true); // warm: the scratch reaches its size, the pool gets its arrays
        Allocated(dispose: false); // takes back what the pool kept
        var kept = Allocated(dispose: false);
        Allocated(dispose: true);
        var disposed = Allocated(dispose: true);

        // Not disposed: the scratch rents fresh arrays for every hand-over, 9 bytes per slot of room (8,192 slots here).
        Assert.True(kept > 8192 * 9, $"not disposed: {kept} bytes per call");
        Assert.True(disposed < 8192 * 3, $"disposed: {disposed} bytes per call (not disposed: {kept})");
    }
}
