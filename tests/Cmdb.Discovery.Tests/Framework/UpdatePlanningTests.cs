using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>
/// A real run plans an update without recording its decisions (only the dry run shows them), hands the store the
/// reported attributes object itself when precedence allows every changed value, and creates CIs from the reported
/// attributes without copying them first. What is written must stay exactly what it was.
/// </summary>
public sealed class UpdatePlanningTests
{
    [Fact]
    public async Task RunAsync_ReportedAttributesPartlyUnchanged_OnlyTheChangedOnesAreWrittenStampedAndAudited()
    {
        await using var f = new EngineFixture();
        var second = false;
        f.Source("scan", () => DiscoveryBatch.Of(Scope("a", Item(second
            ? new JsonObject { ["os"] = "linux", ["rack"] = "r2", ["site"] = "s1", ["gone"] = null }
            : new JsonObject { ["os"] = "linux", ["rack"] = "r1" }))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        var before = await f.CiAsync("serial", "S1");

        second = true;
        var run = await f.RunAsync(engine, "scan");

        var after = await f.CiAsync("serial", "S1");
        Assert.Equal(1, run.Counts.Updated);
        Assert.Equal("""{"os":"linux","rack":"r2","site":"s1"}""", after.Attributes.ToJsonString());
        Assert.Equal(before.Provenance["attributes.os"], after.Provenance["attributes.os"]); // the unchanged value keeps its stamp
        Assert.True(after.Provenance["attributes.rack"].At > before.Provenance["attributes.rack"].At);
        Assert.False(after.Provenance.ContainsKey("attributes.gone"));
        var history = await f.Store.GetHistoryAsync(after.Id, 10, null, CancellationToken.None);
        var update = history.Items.Select(e => e.Node).Single(e => e.Changes.Any(c => c.Field == "attributes.site")); // the creation listed os and rack
        Assert.Equal(["attributes.rack", "attributes.site"], update.Changes.Select(c => c.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_OneChangedAttributeRefused_TheOthersAreWrittenAndTheRefusedOneKept()
    {
        await using var f = new EngineFixture();
        f.Source("a", () => DiscoveryBatch.Of(Scope("a", Item(new JsonObject { ["os"] = "linux-a", ["rack"] = "r1" }))));
        f.Source("b", () => DiscoveryBatch.Of(Scope("b", Item(new JsonObject { ["os"] = "linux-b", ["rack"] = "r1", ["site"] = "s-b" }))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "a");

        var run = await f.RunAsync(engine, "b"); // no rule: what source a set stays a's; what nobody set is b's to set

        var ci = await f.CiAsync("serial", "S1");
        Assert.Equal(1, run.Counts.Updated);
        Assert.Equal("linux-a", ci.Attributes["os"]!.GetValue<string>());
        Assert.Equal("s-b", ci.Attributes["site"]!.GetValue<string>());
        Assert.Equal(("discovery:a", "discovery:b"), (ci.Provenance["attributes.os"].Source, ci.Provenance["attributes.site"].Source));
    }

    [Fact]
    public async Task RunAsync_EveryChangedAttributeRefused_TheItemIsUnchanged()
    {
        await using var f = new EngineFixture();
        f.Source("a", () => DiscoveryBatch.Of(Scope("a", Item(new JsonObject { ["os"] = "linux-a" }))));
        f.Source("b", () => DiscoveryBatch.Of(Scope("b", Item(new JsonObject { ["os"] = "linux-b" }))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "a");

        var run = await f.RunAsync(engine, "b");

        Assert.Equal((0, 1), (run.Counts.Updated, run.Counts.Unchanged));
        Assert.Equal(1, (await f.CiAsync("serial", "S1")).Version);
    }

    [Fact]
    public async Task RunAsync_CreatesAndUpdatesFromReportedObjects_LeavesThemAsReported()
    {
        await using var f = new EngineFixture();
        var created = new JsonObject { ["os"] = "linux", ["nested"] = new JsonObject { ["k"] = new JsonArray(1, 2) } };
        var changed = new JsonObject { ["os"] = "linux-2", ["nested"] = new JsonObject { ["k"] = new JsonArray(1, 2) } };
        var second = false;
        f.Source("scan", () => DiscoveryBatch.Of(Scope("a", Item(second ? changed : created))));
        var engine = await f.EngineAsync();

        await f.RunAsync(engine, "scan");
        second = true;
        await f.RunAsync(engine, "scan");
        await f.RunAsync(engine, "scan"); // the same objects again: nothing new

        var ci = await f.CiAsync("serial", "S1");
        Assert.Equal("""{"os":"linux","nested":{"k":[1,2]}}""", created.ToJsonString());
        Assert.Equal("""{"os":"linux-2","nested":{"k":[1,2]}}""", changed.ToJsonString());
        Assert.All(new[] { created, changed }, o => Assert.Same(o, o["os"]!.Parent)); // no write adopted a reported node
        Assert.NotSame(changed, ci.Attributes);
        Assert.True(JsonNode.DeepEquals(changed, ci.Attributes));
        Assert.Equal(2, ci.Version);
    }

    /// <summary>The real run's decision (<see cref="PrecedencePolicy.Allows"/>) is the dry run's, for every kind of rule.</summary>
    [Fact]
    public void Allows_EveryCase_DecidesAsDecide()
    {
        var rules = new List<PrecedenceRuleOptions>
        {
            new() { Class = WellKnown.Classes.LinuxServer, Field = "attributes.os", Sources = ["cmdb", PrecedenceRuleOptions.Manual, "scan"] },
            new() { Field = "attributes.*", Sources = ["scan", "CMDB"] },
            new() { Field = "owner", Sources = [PrecedenceRuleOptions.Manual, "scan"] },
        };
        var policy = new PrecedencePolicy(Support.ModelConformance.Model, rules);
        var at = DateTimeOffset.UnixEpoch;
        AttributeProvenance?[] provenance = [null, new("discovery:scan", at), new("discovery:SCAN", at), new("discovery:cmdb", at),
            new("discovery:other", at), new("user:alice", at), new("system:import", at)];
        string[] fields = ["attributes.os", "attributes.rack", "owner", "name", "identifiers.serial"];
        string[] classes = [WellKnown.Classes.LinuxServer, WellKnown.Classes.Application];
        string[] sources = ["scan", "cmdb", "other", "Scan"];

        var cases = 0;
        var allowed = 0;
        foreach (var ciClass in classes)
        foreach (var field in fields)
        foreach (var current in provenance)
        foreach (var source in sources)
        {
            var expected = policy.Decide(ciClass, field, current, source).Allowed;
            Assert.True(expected == policy.Allows(ciClass, field, current, source), $"{ciClass} {field} {current} {source}");
            cases++;
            allowed += expected ? 1 : 0;
        }

        Assert.InRange(allowed, cases / 4, cases - cases / 4); // both answers are well represented
    }

    private static DiscoveredItem Item(JsonObject attributes) =>
        new(WellKnown.Classes.LinuxServer, "h", new Dictionary<string, string> { ["serial"] = "S1" }, attributes);
}
