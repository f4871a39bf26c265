using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

public sealed class PrecedenceTests
{
    [Fact]
    public async Task RunAsync_TwoSourcesAlternateWithoutRule_FirstOwnerKeepsValueNoFlapping()
    {
        await using var f = new EngineFixture();
        f.Source("cmdb-a", () => DiscoveryBatch.Of(Scope("a", Server("h", serial: "S1", os: "linux-a"))));
        f.Source("cmdb-b", () => DiscoveryBatch.Of(Scope("b", Server("h", serial: "S1", os: "linux-b"))));
        var engine = await f.EngineAsync();

        var values = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await f.RunAsync(engine, "cmdb-a");
            values.Add((await f.CiAsync("serial", "S1")).Attributes["os"]!.GetValue<string>());
            await f.RunAsync(engine, "cmdb-b");
            values.Add((await f.CiAsync("serial", "S1")).Attributes["os"]!.GetValue<string>());
        }

        Assert.All(values, v => Assert.Equal("linux-a", v));
        Assert.Equal(1, (await f.CiAsync("serial", "S1")).Version);
    }

    [Fact]
    public async Task RunAsync_RuleRanksSecondSourceFirst_ItWinsAndLowerNeverOverwrites()
    {
        await using var f = new EngineFixture();
        f.Source("cmdb-a", () => DiscoveryBatch.Of(Scope("a", Server("h", serial: "S1", os: "linux-a", owner: "team-a"))));
        f.Source("cmdb-b", () => DiscoveryBatch.Of(Scope("b", Server("h", serial: "S1", os: "linux-b", owner: "team-b"))));
        f.Options.Precedence.Add(new PrecedenceRuleOptions { Field = "attributes.*", Sources = ["cmdb-b", "cmdb-a"] });
        var engine = await f.EngineAsync();

        await f.RunAsync(engine, "cmdb-a");
        var afterB = await f.RunAsync(engine, "cmdb-b");
        var versionAfterB = (await f.CiAsync("serial", "S1")).Version;
        var againA = await f.RunAsync(engine, "cmdb-a");
        await f.RunAsync(engine, "cmdb-b");

        var ci = await f.CiAsync("serial", "S1");
        Assert.Equal("linux-b", ci.Attributes["os"]!.GetValue<string>());
        Assert.Equal("team-a", ci.Owner); // no rule for owner: the first source keeps it
        Assert.Equal(1, afterB.Counts.Updated);
        Assert.Equal(1, againA.Counts.Unchanged);
        Assert.Equal(versionAfterB, ci.Version);
    }

    [Fact]
    public async Task RunAsync_PersonEditedField_DiscoveryDoesNotOverwriteUnlessRuleSaysAuthoritative()
    {
        await using var f = new EngineFixture();
        var os = "linux";
        f.Source("scan", () => DiscoveryBatch.Of(Scope("a", Server("h", serial: "S1", os: os, owner: "ops"))));
        f.Source("cmdb", () => DiscoveryBatch.Of(Scope("c", Server("h", serial: "S1", os: "cmdb-os"))));
        f.Options.Precedence.Add(new PrecedenceRuleOptions { Field = "attributes.os", Sources = ["cmdb", "manual"] });
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        var ci = await f.CiAsync("serial", "S1");
        await f.Store.ApplyAsync(WriteBatch.Of(new UpdateCi(ci.Id, ci.Version, new CiFields
        {
            Owner = "alice",
            Attributes = new() { ["os"] = "hand-set" },
        })), new Actor(ActorKind.User, "alice"), CancellationToken.None);

        os = "linux-2"; // the scan now reports something new, so it is compared again
        await f.RunAsync(engine, "scan");
        var kept = await f.CiAsync("serial", "S1");
        await f.RunAsync(engine, "cmdb");
        var authoritative = await f.CiAsync("serial", "S1");

        Assert.Equal(("alice", "hand-set"), (kept.Owner, kept.Attributes["os"]!.GetValue<string>()));
        Assert.Equal("cmdb-os", authoritative.Attributes["os"]!.GetValue<string>());
        Assert.Equal("alice", authoritative.Owner);
    }
}
